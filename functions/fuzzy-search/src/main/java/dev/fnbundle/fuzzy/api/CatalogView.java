package dev.fnbundle.fuzzy.api;

import dev.fnbundle.fuzzy.catalog.CatalogHeader;
import java.time.Instant;

/** The JSON of a catalog's header: {@code PUT} and {@code GET /catalogs/{name}}. */
public record CatalogView(String name, long version, long itemCount, Instant createdAt, Instant updatedAt,
                          Settings settings) {

    /** The catalog's search defaults. */
    public record Settings(String ranker, double threshold, int limit) {
    }

    public static CatalogView of(CatalogHeader header) {
        var settings = header.settings();
        return new CatalogView(header.name(), header.version(), header.itemCount(), header.createdAt(),
                header.updatedAt(), new Settings(settings.ranker().apiName(), settings.threshold(),
                settings.limit()));
    }
}
