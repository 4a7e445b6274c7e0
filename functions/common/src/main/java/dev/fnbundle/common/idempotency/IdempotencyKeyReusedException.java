package dev.fnbundle.common.idempotency;

/**
 * The key was first used for a different request (another body): the caller reused a key it should not have.
 * Never retried; {@code ProblemMapper} answers it with a 422.
 */
public final class IdempotencyKeyReusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException() {
        super("the idempotency key was used for a different request", null, false, false);
    }
}
