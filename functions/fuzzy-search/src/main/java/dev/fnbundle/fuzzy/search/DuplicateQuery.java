package dev.fnbundle.fuzzy.search;

import dev.fnbundle.common.validation.InvalidFieldsException;


/**
 * A validated request for likely duplicates.
 *
 * @param threshold  minimum jaccard normalized similarity, inclusive, in (0, 1]
 * @param limit      maximum number of pairs returned, 1 to {@link #MAX_LIMIT}
 * @param ignoreCase compare lower-cased texts (true) or the texts as given, like the seed's example (false)
 */
public record DuplicateQuery(double threshold, int limit, boolean ignoreCase) {

    /** Largest accepted limit. */
    public static final int MAX_LIMIT = 10_000;

    /**
     * Validates the components.
     *
     * @throws InvalidFieldsException naming "threshold" or "limit"
     */
    public DuplicateQuery {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new InvalidFieldsException("threshold", "must be a number above 0 and at most 1");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldsException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
