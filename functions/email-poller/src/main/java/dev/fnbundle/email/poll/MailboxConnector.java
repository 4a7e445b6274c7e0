package dev.fnbundle.email.poll;

import dev.fnbundle.email.mailbox.Mailbox;

/** Opens sessions on mailboxes (the IMAP adapter in production, fault-injecting wrappers in tests). */
public interface MailboxConnector {

    /**
     * Connects, logs in, selects the folder read-write and makes sure the archive folder exists.
     *
     * @param mailbox never null
     * @return an open session; never null
     * @throws MailboxAccessException classified by cause
     */
    MailboxSession open(Mailbox mailbox);
}
