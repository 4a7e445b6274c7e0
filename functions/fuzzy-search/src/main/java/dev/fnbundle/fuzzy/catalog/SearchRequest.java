package dev.fnbundle.fuzzy.catalog;

/**
 * A search as the client sent it; absent parameters take the catalog's {@link CatalogSettings}.
 *
 * @param text      the query, required
 * @param limit     null for the catalog's default
 * @param threshold null for the catalog's default
 * @param ranker    null for the catalog's default; otherwise "seed" or "default"
 */
public record SearchRequest(String text, Integer limit, Double threshold, String ranker) {
}
