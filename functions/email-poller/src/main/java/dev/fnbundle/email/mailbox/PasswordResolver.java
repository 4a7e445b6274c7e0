package dev.fnbundle.email.mailbox;

/** Turns a {@link PasswordRef} into the password (Secrets Manager in AWS, the environment locally). */
public interface PasswordResolver {

    /**
     * Resolves a password.
     *
     * @param ref never null
     * @return never null
     * @throws UnresolvablePasswordException when the reference names nothing
     */
    Secret resolve(PasswordRef ref);
}
