package dev.fnbundle.fuzzy.catalog;

/** The catalog exists but has no item with that id. Maps to 404. */
public final class ItemNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String catalog;
    private final String id;

    /**
     * @param catalog the catalog name
     * @param id      the item id that was asked for
     */
    public ItemNotFoundException(String catalog, String id) {
        super("catalog " + catalog + " has no such item");
        this.catalog = catalog;
        this.id = id;
    }

    /** @return the catalog name */
    public String catalog() {
        return catalog;
    }

    /** @return the item id */
    public String id() {
        return id;
    }
}
