package dev.fnbundle.email.poll;

/** The server answered NO or BAD to a command the poller needs. */
public final class MailboxProtocolException extends MailboxAccessException {
    /**
     * @param mailboxId the mailbox id
     * @param endpoint  {@code host:port}
     * @param message   what failed, without credentials
     * @param cause     the underlying exception, or null
     */
    public MailboxProtocolException(String mailboxId, String endpoint, String message, Throwable cause) {
        super(mailboxId, endpoint, message, cause);
    }

    @Override
    public PollStatus status() {
        return PollStatus.PROTOCOL_ERROR;
    }
}
