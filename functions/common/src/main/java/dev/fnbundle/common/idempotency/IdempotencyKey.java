package dev.fnbundle.common.idempotency;

import dev.fnbundle.common.crypto.Digests;
import java.util.Objects;

/**
 * A client's idempotency key within the scope it was sent to. Two requests share a stored result only when both
 * the scope and the key are equal: the same {@code Idempotency-Key} sent to {@code POST /baselines/A/audit} and to
 * {@code POST /baselines/B/audit} names two operations, not one.
 *
 * @param scope where the key applies: for HTTP the route, its path parameters and the caller (see
 *              {@code ApiRequest#idempotencyKey()}); for a queue, the queue's message kind
 * @param key   the client's key, as sent
 */
public record IdempotencyKey(String scope, String key) {
    public IdempotencyKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
    }

    /**
     * The fixed-length id the store keys its item by: the SHA-256 of the length-prefixed scope and the key, so no
     * scope and key can be arranged to collide with another pair and a long key never exceeds DynamoDB's key size.
     */
    public String storageId() {
        return Digests.sha256Hex(scope.length() + ":" + scope + key);
    }
}
