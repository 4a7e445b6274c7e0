/**
 * Email poller: registers IMAP mailboxes, polls them exactly once per message and extracts invoices. The Lambda
 * entry points are {@link dev.fnbundle.email.EmailApiHandler} (the HTTP API), {@link
 * dev.fnbundle.email.EmailScheduleHandler} (queues a poll task per mailbox every five minutes) and {@link
 * dev.fnbundle.email.EmailPollerHandler} (one IMAP poll per task).
 */
package dev.fnbundle.email;
