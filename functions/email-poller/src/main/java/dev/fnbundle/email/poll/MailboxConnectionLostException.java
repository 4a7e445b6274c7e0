package dev.fnbundle.email.poll;

/**
 * The connection dropped or timed out after it was established; the poll can resume from its checkpoint.
 */
public final class MailboxConnectionLostException extends MailboxAccessException {
    /**
     * @param mailboxId the mailbox id
     * @param endpoint  {@code host:port}
     * @param message   what failed, without credentials
     * @param cause     the underlying exception, or null
     */
    public MailboxConnectionLostException(String mailboxId, String endpoint, String message, Throwable cause) {
        super(mailboxId, endpoint, message, cause);
    }

    @Override
    public PollStatus status() {
        return PollStatus.CONNECTION_LOST;
    }
}
