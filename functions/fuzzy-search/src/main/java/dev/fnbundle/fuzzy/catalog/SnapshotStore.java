package dev.fnbundle.fuzzy.catalog;

import java.util.Optional;

/**
 * Where catalog snapshots ({@link SnapshotCodec}) are kept: at most one per catalog, replaced by each write.
 */
public interface SnapshotStore {

    /**
     * The stored snapshot's bytes, when it was written at {@code version}: a snapshot of another version is not read
     * beyond its version.
     *
     * @return the snapshot, or empty when there is none or it is at another version
     * @throws SnapshotCorruptException when its stored parts do not fit together (missing or mixed chunks)
     */
    Optional<byte[]> read(String catalog, long version);

    /** @return the version of the stored snapshot, or empty when there is none */
    Optional<Long> version(String catalog);

    /** Replaces the catalog's snapshot with {@code snapshot}, written at {@code version}. */
    void write(String catalog, long version, byte[] snapshot);
}
