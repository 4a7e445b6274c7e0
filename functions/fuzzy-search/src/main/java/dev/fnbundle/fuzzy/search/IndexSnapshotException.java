package dev.fnbundle.fuzzy.search;

/** The bytes given to {@link IndexSnapshot#decode} are not a usable index of the catalog; it must be rebuilt. */
public final class IndexSnapshotException extends RuntimeException {
    public IndexSnapshotException(String message) {
        super(message);
    }

    public IndexSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
