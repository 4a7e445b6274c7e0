package dev.fnbundle.email.mailbox;

/**
 * Gives the password a mailbox's {@link PasswordRef} names (Secrets Manager in AWS, the environment locally),
 * for that mailbox only: a resolver checks that the password may be used for the mailbox's host and username
 * before returning it, so the IMAP client never connects with a password made for another mailbox.
 */
public interface PasswordResolver {

    /**
     * Resolves a mailbox's password.
     *
     * @param mailbox never null
     * @return never null
     * @throws UnusableSecretException when the named secret cannot be used for this mailbox (missing, not
     *                                 readable, not bound to it); its message does not say which
     * @throws UnresolvablePasswordException when the reference cannot be resolved here at all
     */
    Secret resolve(Mailbox mailbox);
}
