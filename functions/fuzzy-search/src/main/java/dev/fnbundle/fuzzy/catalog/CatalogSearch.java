package dev.fnbundle.fuzzy.catalog;

import dev.fnbundle.fuzzy.search.SearchHit;
import dev.fnbundle.fuzzy.search.SearchQuery;
import dev.fnbundle.fuzzy.search.SearchResult;

/**
 * One search's answer with what it was computed from.
 *
 * @param header  the catalog header the search read
 * @param query   the query with the catalog's defaults applied
 * @param result  the ranked hits and the correction
 * @param catalog the loaded catalog the hits point into
 */
public record CatalogSearch(CatalogHeader header, SearchQuery query, SearchResult result, LoadedCatalog catalog) {

    /** @return the stored item behind a hit (for its fields) */
    public CatalogEntry entry(SearchHit hit) {
        return catalog.entries().get(hit.position());
    }
}
