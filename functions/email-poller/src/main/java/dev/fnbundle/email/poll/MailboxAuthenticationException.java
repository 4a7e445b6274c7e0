package dev.fnbundle.email.poll;

/** The server refused the login (wrong username or password, or login disabled). */
public final class MailboxAuthenticationException extends MailboxAccessException {
    /**
     * @param mailboxId the mailbox id
     * @param endpoint  {@code host:port}
     * @param message   what failed, without credentials
     * @param cause     the underlying exception, or null
     */
    public MailboxAuthenticationException(String mailboxId, String endpoint, String message, Throwable cause) {
        super(mailboxId, endpoint, message, cause);
    }

    @Override
    public PollStatus status() {
        return PollStatus.AUTH_FAILED;
    }
}
