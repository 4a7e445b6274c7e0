package dev.fnbundle.email.poll;

/**
 * The TLS handshake failed: untrusted certificate, host name mismatch or no common protocol.
 */
public final class MailboxTlsException extends MailboxAccessException {
    /**
     * @param mailboxId the mailbox id
     * @param endpoint  {@code host:port}
     * @param message   what failed, without credentials
     * @param cause     the underlying exception, or null
     */
    public MailboxTlsException(String mailboxId, String endpoint, String message, Throwable cause) {
        super(mailboxId, endpoint, message, cause);
    }

    @Override
    public PollStatus status() {
        return PollStatus.TLS_FAILED;
    }
}
