package dev.fnbundle.configaudit.service;

import dev.fnbundle.common.idempotency.IdempotencyKey;
import dev.fnbundle.common.idempotency.IdempotencyStore;
import dev.fnbundle.common.json.Json;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs an audit at most once per key (an {@code Idempotency-Key} header, a queue message's {@code requestId}):
 * a repeated key with the same body replays the first audit's id instead of storing a second audit; a repeated
 * key with a different body is refused ({@link IdempotencyStore}'s contract). Only the body's SHA-256 and the audit
 * id are kept with the key.
 */
public final class IdempotentAudits {
    private final IdempotencyStore store;

    public IdempotentAudits(IdempotencyStore store) {
        this.store = Objects.requireNonNull(store);
    }

    /**
     * What one keyed run gave.
     *
     * @param auditId  the audit stored under the key, or null when the operation stored none
     * @param fresh    the audit this call stored, or null when replayed (or none)
     * @param replayed whether an earlier run's result was replayed
     */
    public record Outcome(String auditId, StoredAudit fresh, boolean replayed) {
    }

    /**
     * Runs {@code operation} unless {@code key} already ran.
     *
     * @param digest the request body's SHA-256 ({@link dev.fnbundle.common.crypto.Digests#sha256Hex(String)})
     * @throws dev.fnbundle.common.idempotency.IdempotencyKeyReusedException when the key ran for another body
     * @throws dev.fnbundle.common.idempotency.IdempotencyInProgressException when another attempt holds the key
     */
    public Outcome run(IdempotencyKey key, String digest, Supplier<Optional<StoredAudit>> operation) {
        StoredAudit[] fresh = new StoredAudit[1];
        var outcome = store.execute(key, digest, () -> {
            fresh[0] = operation.get().orElse(null);
            return Json.write(new Receipt(fresh[0] == null ? null : fresh[0].id()));
        });
        Receipt receipt = Json.read(outcome.result(), Receipt.class);
        return new Outcome(receipt.auditId(), outcome.replayed() ? null : fresh[0], outcome.replayed());
    }

    /** What is stored with a key. */
    record Receipt(String auditId) {
    }
}
