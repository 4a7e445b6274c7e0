package dev.fnbundle.fuzzy.catalog;

import java.time.Instant;

/**
 * A catalog's header item: what a search reads (one consistent read) to know whether its cached index is current.
 *
 * @param name      the catalog name
 * @param version   bumped by every write that changes items, atomically with that write; 0 for a new catalog
 * @param itemCount how many items the catalog holds
 * @param createdAt when the catalog was created
 * @param updatedAt when its items or settings last changed
 * @param settings  its search defaults
 */
public record CatalogHeader(String name, long version, long itemCount, Instant createdAt, Instant updatedAt,
                            CatalogSettings settings) {
}
