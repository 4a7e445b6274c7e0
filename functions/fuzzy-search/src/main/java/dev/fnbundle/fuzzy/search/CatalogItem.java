package dev.fnbundle.fuzzy.search;

/**
 * One catalog entry.
 *
 * @param id   unique, non-blank identifier, at most {@link CatalogIndex#MAX_ID_LENGTH} characters
 * @param text the searchable text, at most {@link CatalogIndex#MAX_TEXT_LENGTH} code points; may be empty
 */
public record CatalogItem(String id, String text) {
}
