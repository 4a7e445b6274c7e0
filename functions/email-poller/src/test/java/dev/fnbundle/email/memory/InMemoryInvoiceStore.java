package dev.fnbundle.email.memory;

import dev.fnbundle.email.poll.InvoiceRecord;
import dev.fnbundle.email.poll.InvoiceStore;
import dev.fnbundle.email.poll.RecordKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An {@link InvoiceStore} in a concurrent map; {@code putIfAbsent} is atomic. Thread-safe. */
public final class InMemoryInvoiceStore implements InvoiceStore {
    private final ConcurrentMap<RecordKey, InvoiceRecord> records = new ConcurrentHashMap<>();

    @Override
    public InvoiceRecord putIfAbsent(InvoiceRecord record) {
        InvoiceRecord previous = records.putIfAbsent(record.key(), record);
        return previous == null ? record : previous;
    }

    @Override
    public Optional<InvoiceRecord> get(RecordKey key) {
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public Optional<InvoiceRecord> findByDedupeKey(String mailboxId, String dedupeKey) {
        return records.values().stream()
                .filter(r -> r.key().mailboxId().equals(mailboxId) && r.dedupeKey().equals(dedupeKey))
                .min(Comparator.comparing(InvoiceRecord::recordedAt)
                        .thenComparing(r -> r.key().uidValidity()).thenComparing(r -> r.key().uid()));
    }

    @Override
    public void markPublished(RecordKey key) {
        records.computeIfPresent(key, (k, record) -> record.published() ? record : record.asPublished());
    }

    /**
     * Every record, ordered by key.
     *
     * @return a snapshot; never null
     */
    public List<InvoiceRecord> all() {
        List<InvoiceRecord> all = new ArrayList<>(records.values());
        all.sort(Comparator.comparing((InvoiceRecord r) -> r.key().mailboxId())
                .thenComparing(r -> r.key().uidValidity()).thenComparing(r -> r.key().uid()));
        return all;
    }
}
