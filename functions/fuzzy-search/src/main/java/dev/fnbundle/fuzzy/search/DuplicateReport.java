package dev.fnbundle.fuzzy.search;

import java.util.List;

/**
 * Likely duplicates, by score descending then catalog positions.
 *
 * @param pairs      at most the requested limit; never null
 * @param totalPairs how many pairs reached the threshold
 * @param truncated  true when {@code totalPairs} exceeds the limit
 */
public record DuplicateReport(List<DuplicatePair> pairs, int totalPairs, boolean truncated) {

    /** Copies the pairs. */
    public DuplicateReport {
        pairs = List.copyOf(pairs);
    }
}
