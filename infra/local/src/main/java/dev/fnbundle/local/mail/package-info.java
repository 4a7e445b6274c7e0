/** GreenMail as the local mail server, with the demo mailbox the email-poller reads. */
package dev.fnbundle.local.mail;
