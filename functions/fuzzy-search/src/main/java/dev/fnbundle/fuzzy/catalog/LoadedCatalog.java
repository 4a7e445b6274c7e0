package dev.fnbundle.fuzzy.catalog;

import dev.fnbundle.fuzzy.search.CatalogIndex;
import java.util.List;

/**
 * A catalog's items and their search index, as of one version.
 *
 * @param version the header version read before the items were loaded: the items include every write up to it
 * @param entries the items in catalog order; {@code entries.get(p)} is the item at index position {@code p}
 * @param index   the search index over them
 */
public record LoadedCatalog(long version, List<CatalogEntry> entries, CatalogIndex index) {

    /** Copies the entries. */
    public LoadedCatalog {
        entries = List.copyOf(entries);
    }

    /** @return the number of items */
    public int size() {
        return entries.size();
    }
}
