package dev.fnbundle.fuzzy.catalog;

import java.util.Objects;

/**
 * One stored catalog item.
 *
 * @param id     unique within its catalog, non-blank, at most 256 characters
 *               ({@link dev.fnbundle.fuzzy.search.CatalogIndex#MAX_ID_LENGTH})
 * @param text   the searchable text, at most 2 000 code points
 *               ({@link dev.fnbundle.fuzzy.search.CatalogIndex#MAX_TEXT_LENGTH}); may be empty
 * @param fields the client's extra fields as a compact JSON object, or null when it gave none; returned with search
 *               results, never searched
 */
public record CatalogEntry(String id, String text, String fields) {

    /** Requires id and text. */
    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    /** @return true when storing {@code other} in place of this entry would change nothing */
    public boolean sameContent(CatalogEntry other) {
        return id.equals(other.id) && text.equals(other.text) && Objects.equals(fields, other.fields);
    }
}
