/** The IMAP adapter on Jakarta Mail (Eclipse Angus): IMAPS with certificate and host checks, UID commands. */
package dev.fnbundle.email.imap;
