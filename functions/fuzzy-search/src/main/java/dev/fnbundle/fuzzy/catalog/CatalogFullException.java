package dev.fnbundle.fuzzy.catalog;

/** Adding the batch's new items would take the catalog over its item limit; nothing was written. Maps to 422. */
public final class CatalogFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final long itemCount;
    private final long adding;
    private final long limit;

    /**
     * @param name      the catalog name
     * @param itemCount its current item count
     * @param adding    how many new ids the batch holds
     * @param limit     the most items a catalog may hold
     */
    public CatalogFullException(String name, long itemCount, long adding, long limit) {
        super("catalog " + name + " holds " + itemCount + " items; adding " + adding + " would exceed " + limit);
        this.name = name;
        this.itemCount = itemCount;
        this.adding = adding;
        this.limit = limit;
    }

    /** @return the catalog name */
    public String name() {
        return name;
    }

    /** @return its current item count */
    public long itemCount() {
        return itemCount;
    }

    /** @return how many new ids the batch holds */
    public long adding() {
        return adding;
    }

    /** @return the most items a catalog may hold */
    public long limit() {
        return limit;
    }
}
