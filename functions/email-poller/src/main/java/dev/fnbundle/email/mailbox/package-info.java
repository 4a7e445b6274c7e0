/** Mailbox registrations: validation of POST /mailboxes, search criteria and password references. */
package dev.fnbundle.email.mailbox;
