package dev.fnbundle.email.mailbox;

/**
 * The secret a mailbox names cannot be used for it: it does not exist, the poller may not read it, it is not a
 * {@link MailboxSecret} or it was made for another mailbox. The message is the same for every one of these, so
 * the mailbox status (which the caller who registered the name reads) tells nothing about a secret they may not
 * know; {@link #detail()} says which it was, for the operator's log, and never holds a value.
 */
public final class UnusableSecretException extends RuntimeException {
    /** The one message for every reason. */
    public static final String MESSAGE = "secret unusable: passwordSecret must name a Secrets Manager secret the"
            + " poller may read, holding JSON with this mailbox's host, username and password";
    private final String detail;

    /**
     * @param detail why, for the log; never a secret value or a username
     */
    public UnusableSecretException(String detail) {
        this(detail, null);
    }

    /**
     * @param detail why, for the log; never a secret value or a username
     * @param cause  the underlying failure, or null
     */
    public UnusableSecretException(String detail, Throwable cause) {
        super(MESSAGE, cause);
        this.detail = detail;
    }

    /** @return why the secret cannot be used, for the operator's log */
    public String detail() {
        return detail;
    }
}
