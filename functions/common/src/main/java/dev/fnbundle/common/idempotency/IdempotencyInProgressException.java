package dev.fnbundle.common.idempotency;

import java.time.Instant;

/**
 * Another attempt is running the operation for this key right now. Retry after {@link #claimExpiresAt()} at the
 * latest: by then that attempt has completed, failed, or is presumed crashed.
 */
public final class IdempotencyInProgressException extends RuntimeException {
    private final String key;
    private final transient Instant claimExpiresAt;

    public IdempotencyInProgressException(String key, Instant claimExpiresAt) {
        super("operation " + key + " is already in progress");
        this.key = key;
        this.claimExpiresAt = claimExpiresAt;
    }

    public String key() {
        return key;
    }

    public Instant claimExpiresAt() {
        return claimExpiresAt;
    }
}
