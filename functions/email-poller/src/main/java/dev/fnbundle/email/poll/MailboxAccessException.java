package dev.fnbundle.email.poll;

/**
 * A failure to use the mailbox, classified so the mailbox status can say what is wrong. Messages name the
 * mailbox id and the server endpoint, never the username or password.
 */
public abstract sealed class MailboxAccessException extends RuntimeException
        permits MailboxAuthenticationException, MailboxUnreachableException, MailboxTlsException,
        MailboxConnectionLostException, MailboxFolderException, MailboxProtocolException {
    private final String mailboxId;
    private final String endpoint;

    MailboxAccessException(String mailboxId, String endpoint, String message, Throwable cause) {
        super(message + " (mailbox " + mailboxId + ", " + endpoint + ")", cause);
        this.mailboxId = mailboxId;
        this.endpoint = endpoint;
    }

    /** @return the mailbox id */
    public String mailboxId() {
        return mailboxId;
    }

    /** @return {@code host:port} */
    public String endpoint() {
        return endpoint;
    }

    /** @return the status this failure gives the mailbox */
    public abstract PollStatus status();
}
