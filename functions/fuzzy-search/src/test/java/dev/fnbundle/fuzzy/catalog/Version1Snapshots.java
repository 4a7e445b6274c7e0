package dev.fnbundle.fuzzy.catalog;

import java.util.List;

/** Snapshots as written before they held the index ({@code "FNS1"}), for tests of reading them. */
public final class Version1Snapshots {
    private Version1Snapshots() {
    }

    /** @return the items at {@code version} in the version 1 layout */
    public static byte[] encode(long version, List<CatalogEntry> entries) {
        return SnapshotCodec.encode(SnapshotCodec.MAGIC_ITEMS_ONLY, version, entries, new byte[0]);
    }
}
