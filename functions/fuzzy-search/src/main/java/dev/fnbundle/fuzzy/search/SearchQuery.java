package dev.fnbundle.fuzzy.search;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.fuzzy.InputTooLongException;

/**
 * A validated search request.
 *
 * @param text      the query as typed (not trimmed: the seed ranker scores it as is), 1 to {@link #MAX_QUERY_LENGTH}
 *                  code points, not blank
 * @param limit     1 to {@link #MAX_LIMIT} results
 * @param threshold minimum score, inclusive, in [0, 1]
 * @param ranker    the ranking function
 */
public record SearchQuery(String text, int limit, double threshold, Ranker ranker) {

    /** Longest accepted query, in code points. */
    public static final int MAX_QUERY_LENGTH = 256;
    /** Largest accepted limit. */
    public static final int MAX_LIMIT = 100;
    /** Limit when none is given (the seed's {@code top_n}). */
    public static final int DEFAULT_LIMIT = 3;
    /** Threshold when none is given (the seed's). */
    public static final double DEFAULT_THRESHOLD = 0.4;

    /**
     * Validates the components.
     *
     * @throws InvalidFieldsException or {@link InputTooLongException} naming the field at fault
     */
    public SearchQuery {
        if (text == null) {
            throw new InvalidFieldsException("q", "is required");
        }
        if (text.isBlank()) {
            throw new InvalidFieldsException("q", "must not be blank");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_QUERY_LENGTH) {
            throw new InputTooLongException("q", length, MAX_QUERY_LENGTH);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldsException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new InvalidFieldsException("threshold", "must be a number between 0 and 1");
        }
        if (ranker == null) {
            throw new InvalidFieldsException("ranker", "is required");
        }
    }

    /**
     * Builds a query from optional request parameters.
     *
     * @param text      the query, required
     * @param limit     null for {@link #DEFAULT_LIMIT}
     * @param threshold null for {@link #DEFAULT_THRESHOLD}
     * @param ranker    null for "default"; otherwise "seed" or "default"
     * @return the validated query
     * @throws InvalidFieldsException                  for a missing or blank query, or a limit or threshold out of
     *                                                    range (field "q", "limit" or "threshold")
     * @throws InputTooLongException                      for a query over {@link #MAX_QUERY_LENGTH} code points
     * @throws dev.fnbundle.fuzzy.UnknownAlgorithmException for an unknown ranker (field "ranker")
     */
    public static SearchQuery of(String text, Integer limit, Double threshold, String ranker) {
        return new SearchQuery(text, limit == null ? DEFAULT_LIMIT : limit,
                threshold == null ? DEFAULT_THRESHOLD : threshold, Ranker.fromName(ranker));
    }
}
