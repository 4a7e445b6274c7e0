package dev.fnbundle.fuzzy.catalog;

/** No catalog of that name exists. Maps to 404. */
public final class CatalogNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String name;

    /** @param name the (valid) catalog name that was asked for */
    public CatalogNotFoundException(String name) {
        super("no catalog " + name);
        this.name = name;
    }

    /** @return the catalog name */
    public String name() {
        return name;
    }
}
