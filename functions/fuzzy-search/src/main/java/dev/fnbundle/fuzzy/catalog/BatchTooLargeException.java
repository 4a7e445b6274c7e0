package dev.fnbundle.fuzzy.catalog;

/**
 * A request carries more items than one synchronous write takes; larger imports go through the import queue.
 * Maps to 413, whose detail says how to use the importer.
 */
public final class BatchTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int size;
    private final int limit;

    /**
     * @param size  how many items the request holds
     * @param limit the most items one request may hold
     */
    public BatchTooLargeException(int size, int limit) {
        super("the batch holds " + size + " items; one request takes at most " + limit);
        this.size = size;
        this.limit = limit;
    }

    /** @return how many items the request holds */
    public int size() {
        return size;
    }

    /** @return the most items one request may hold */
    public int limit() {
        return limit;
    }
}
