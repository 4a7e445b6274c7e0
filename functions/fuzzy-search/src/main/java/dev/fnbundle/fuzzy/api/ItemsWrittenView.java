package dev.fnbundle.fuzzy.api;

import dev.fnbundle.fuzzy.catalog.CatalogHeader;
import dev.fnbundle.fuzzy.catalog.UpsertResult;

/**
 * The JSON of {@code POST /catalogs/{name}/items}: what the batch changed, and the catalog's version and item count
 * read right after it (a search from now on sees the batch).
 */
public record ItemsWrittenView(String catalog, int added, int replaced, int unchanged, long version,
                               long itemCount) {

    public static ItemsWrittenView of(UpsertResult result, CatalogHeader after) {
        return new ItemsWrittenView(after.name(), result.added(), result.replaced(), result.unchanged(),
                after.version(), after.itemCount());
    }
}
