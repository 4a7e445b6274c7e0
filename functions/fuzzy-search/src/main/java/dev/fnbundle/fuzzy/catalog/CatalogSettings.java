package dev.fnbundle.fuzzy.catalog;

import dev.fnbundle.fuzzy.search.Ranker;
import dev.fnbundle.fuzzy.search.SearchQuery;
import java.util.Objects;

/**
 * A catalog's search defaults, used when a search leaves the parameter out.
 *
 * @param ranker    the ranker, default {@link Ranker#DEFAULT}
 * @param threshold minimum score in [0, 1], default {@link SearchQuery#DEFAULT_THRESHOLD}
 * @param limit     results per search, 1 to {@link SearchQuery#MAX_LIMIT}, default {@link SearchQuery#DEFAULT_LIMIT}
 */
public record CatalogSettings(Ranker ranker, double threshold, int limit) {

    /** The defaults of the seed's {@code fuzzy_search} with the default ranker. */
    public static final CatalogSettings DEFAULTS = new CatalogSettings(Ranker.DEFAULT, SearchQuery.DEFAULT_THRESHOLD,
            SearchQuery.DEFAULT_LIMIT);

    /** Checks the ranges (the reader reports them per field before this runs). */
    public CatalogSettings {
        Objects.requireNonNull(ranker, "ranker");
        if (!(threshold >= 0 && threshold <= 1) || limit < 1 || limit > SearchQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("threshold must be in [0, 1] and limit in [1, "
                    + SearchQuery.MAX_LIMIT + "]");
        }
    }
}
