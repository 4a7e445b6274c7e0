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

    /**
     * @param secretId the reference that could not be resolved
     * @param reason   why, e.g. {@code secret not found}; never a secret value
     * @param cause    the underlying failure, or null
     */
    public UnresolvablePasswordException(String secretId, String reason, Throwable cause) {
        super("password reference " + secretId + " cannot be resolved: " + reason, cause);
        this.secretId = secretId;
    }

    /** @return the unresolved reference */
    public String secretId() {
        return secretId;
    }
}
