package dev.fnbundle.email.poll;

/** The server could not be reached: unknown host, refused connection or timeout. */
public final class MailboxUnreachableException extends MailboxAccessException {
    /**
     * @param mailboxId the mailbox id
     * @param endpoint  {@code host:port}
     * @param message   what failed, without credentials
     * @param cause     the underlying exception, or null
     */
    public MailboxUnreachableException(String mailboxId, String endpoint, String message, Throwable cause) {
        super(mailboxId, endpoint, message, cause);
    }

    @Override
    public PollStatus status() {
        return PollStatus.UNREACHABLE;
    }
}
