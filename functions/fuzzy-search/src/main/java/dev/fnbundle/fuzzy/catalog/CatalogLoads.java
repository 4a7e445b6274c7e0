package dev.fnbundle.fuzzy.catalog;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts where the indexes a container built came from: its snapshot, or every item record (no snapshot, a stale
 * one, or one that failed its checks). Thread-safe.
 */
public final class CatalogLoads {
    private final AtomicLong fromSnapshot = new AtomicLong();
    private final AtomicLong fromItems = new AtomicLong();
    private final AtomicLong snapshotsRejected = new AtomicLong();

    /** @return indexes built from a snapshot */
    public long fromSnapshot() {
        return fromSnapshot.get();
    }

    /** @return indexes built from the item records */
    public long fromItems() {
        return fromItems.get();
    }

    /** @return snapshots found at the right version but rejected (corrupt, inconsistent or unreadable) */
    public long snapshotsRejected() {
        return snapshotsRejected.get();
    }

    void snapshot() {
        fromSnapshot.incrementAndGet();
    }

    void items() {
        fromItems.incrementAndGet();
    }

    void rejected() {
        snapshotsRejected.incrementAndGet();
    }
}
