package dev.fnbundle.fuzzy.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Results of one search.
 *
 * @param hits        best first, at most the requested limit; never null
 * @param didYouMean  a corrected query built from the catalog's vocabulary, offered only when no item passes the
 *                    threshold and a correction exists; never null
 * @param scoredItems how many items were scored exactly (equals the catalog size for a full scan); diagnostics
 */
public record SearchResult(List<SearchHit> hits, Optional<String> didYouMean, int scoredItems) {

    /** Copies the hits; {@code didYouMean} must not be null. */
    public SearchResult {
        hits = List.copyOf(hits);
        Objects.requireNonNull(didYouMean, "didYouMean");
    }
}
