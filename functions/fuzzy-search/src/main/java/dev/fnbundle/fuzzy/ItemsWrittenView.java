package dev.fnbundle.fuzzy;

import dev.fnbundle.fuzzy.catalog.CatalogHeader;
import dev.fnbundle.fuzzy.catalog.UpsertResult;

/**
 * The JSON of {@code POST /catalogs/{name}/items}: what the batch changed, and the catalog's version and item count
 * read right after it (a search from now on sees the batch).
 */
record ItemsWrittenView(String catalog, int added, int replaced, int unchanged, long version, long itemCount) {

    static ItemsWrittenView of(UpsertResult result, CatalogHeader after) {
        return new ItemsWrittenView(after.name(), result.added(), result.replaced(), result.unchanged(),
                after.version(), after.itemCount());
    }
}
