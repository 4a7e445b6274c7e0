/** Email poller: registers IMAP mailboxes, polls them exactly once per message and extracts invoices. */
package dev.fnbundle.email;
