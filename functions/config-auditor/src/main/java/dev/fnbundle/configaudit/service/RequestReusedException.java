package dev.fnbundle.configaudit.service;

/** An idempotency key or request id used again for a different request body (maps to 422). */
public final class RequestReusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RequestReusedException(String key) {
        super("the key " + key + " was used for a different request body", null, false, false);
    }
}
