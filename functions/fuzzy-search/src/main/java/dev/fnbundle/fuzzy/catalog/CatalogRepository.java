package dev.fnbundle.fuzzy.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of catalogs: one header per catalog and one record per item. Every operation that changes items bumps the
 * header's version in the same atomic write, so a reader that sees version {@code v} of the header also sees every
 * item write that produced {@code v}.
 */
public interface CatalogRepository {

    /**
     * @return the header, read consistently, or empty when the catalog does not exist
     */
    Optional<CatalogHeader> header(String name);

    /**
     * Creates a catalog with version 0 and no items.
     *
     * @return the new header, or empty when a catalog of that name exists already
     */
    Optional<CatalogHeader> create(String name, CatalogSettings settings, Instant now);

    /**
     * Replaces an existing catalog's settings; neither its items nor its version change.
     *
     * @return the updated header, or empty when the catalog does not exist
     */
    Optional<CatalogHeader> updateSettings(String name, CatalogSettings settings, Instant now);

    /**
     * Adds or replaces items; items stored already with the same content are left alone. Batches are applied in
     * atomic chunks, each bumping the version once; a chunk with nothing to change writes nothing.
     *
     * @param entries     distinct ids, already validated
     * @param maxItems    the most items the catalog may hold afterwards
     * @throws CatalogNotFoundException when the catalog does not exist
     * @throws CatalogFullException     when the new items would take the catalog over {@code maxItems}
     */
    UpsertResult upsert(String name, List<CatalogEntry> entries, long maxItems, Instant now);

    /**
     * Deletes one item and bumps the version, atomically.
     *
     * @throws CatalogNotFoundException when the catalog does not exist
     * @throws ItemNotFoundException    when it has no item with that id
     */
    void delete(String name, String id, Instant now);

    /**
     * @return every item of the catalog, read consistently, in the catalog's order (by id); empty when it has none
     */
    List<CatalogEntry> items(String name);
}
