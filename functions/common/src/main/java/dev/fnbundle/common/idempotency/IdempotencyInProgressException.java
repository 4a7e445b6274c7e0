package dev.fnbundle.common.idempotency;

import java.time.Instant;

/**
 * Another attempt is running the operation for this key right now. Retry after {@link #claimExpiresAt()} at the
 * latest: by then that attempt has completed, failed, or is presumed crashed. {@code ProblemMapper} answers it with
 * a 409 and a {@code Retry-After} header.
 */
public final class IdempotencyInProgressException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Instant claimExpiresAt;

    public IdempotencyInProgressException(Instant claimExpiresAt) {
        super("the operation for this idempotency key is already in progress", null, false, false);
        this.claimExpiresAt = claimExpiresAt;
    }

    /** When the running attempt's claim lapses; a retry after it either replays the result or runs anew. */
    public Instant claimExpiresAt() {
        return claimExpiresAt;
    }
}
