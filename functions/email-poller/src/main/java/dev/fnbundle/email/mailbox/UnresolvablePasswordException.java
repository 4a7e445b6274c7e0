package dev.fnbundle.email.mailbox;

/** A password reference that names no secret. The message names the reference, never a password. */
public final class UnresolvablePasswordException extends RuntimeException {
    private final String secretId;

    /**
     * @param secretId the reference that could not be resolved
     */
    public UnresolvablePasswordException(String secretId) {
        super("password reference " + secretId + " cannot be resolved");
        this.secretId = secretId;
    }

    /** @return the unresolved reference */
    public String secretId() {
        return secretId;
    }
}
