package dev.fnbundle.fuzzy.catalog;

/**
 * A catalog snapshot that cannot be used: truncated, inconsistent chunks, a checksum or version mismatch, or lengths
 * beyond the catalog's limits. Never reaches a client: a search that meets one reads the items instead.
 */
public final class SnapshotCorruptException extends RuntimeException {
    public SnapshotCorruptException(String message) {
        super(message);
    }

    public SnapshotCorruptException(String message, Throwable cause) {
        super(message, cause);
    }
}
