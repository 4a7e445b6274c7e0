package dev.fnbundle.email.poll;

import java.util.Optional;

/**
 * Durable records, one per {@link RecordKey}. Implementations must make {@link #putIfAbsent} atomic (a
 * conditional write), because a replayed or overlapping poll writes the same key again.
 */
public interface InvoiceStore {

    /**
     * Writes the record unless one exists under its key.
     *
     * @param record never null
     * @return the record now stored under the key: {@code record} itself, or the one written before; never null
     */
    InvoiceRecord putIfAbsent(InvoiceRecord record);

    /**
     * The record under a key.
     *
     * @param key never null
     * @return the record, or empty
     */
    Optional<InvoiceRecord> get(RecordKey key);

    /**
     * The first record written for a message of a mailbox, found by its dedupe key.
     *
     * @param mailboxId never null
     * @param dedupeKey the Message-ID or content hash; never null
     * @return the earliest record with that dedupe key, or empty
     */
    Optional<InvoiceRecord> findByDedupeKey(String mailboxId, String dedupeKey);

    /**
     * Marks a record's event as published; a no-op when it already is.
     *
     * @param key never null
     */
    void markPublished(RecordKey key);
}
