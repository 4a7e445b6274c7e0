package dev.fnbundle.fuzzy;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.common.validation.Validation;
import dev.fnbundle.fuzzy.search.DuplicateQuery;

/**
 * The optional body of {@code POST /catalogs/{name}/duplicates}: {@code {"threshold"?, "limit"?, "ignoreCase"?}}.
 * The score is textdistance's jaccard normalized similarity over characters (the seed's dedupe metric); the default
 * threshold 0.9 keeps reordered or re-cased copies and leaves out texts that merely share vocabulary.
 */
final class DuplicateRequest {
    static final double DEFAULT_THRESHOLD = 0.9;
    static final int DEFAULT_LIMIT = 100;

    private DuplicateRequest() {
    }

    /**
     * @throws dev.fnbundle.common.validation.InvalidFieldsException (400) listing every invalid member
     * @throws InvalidFieldsException for a threshold of 0 (it must be above 0)
     */
    static DuplicateQuery read(String body) {
        if (body.isBlank()) {
            return new DuplicateQuery(DEFAULT_THRESHOLD, DEFAULT_LIMIT, false);
        }
        var v = Validation.of(Json.parse(body));
        double threshold = v.optionalNumber("threshold", DEFAULT_THRESHOLD, 0, 1);
        int limit = v.optionalInt("limit", DEFAULT_LIMIT, 1, DuplicateQuery.MAX_LIMIT);
        boolean ignoreCase = v.optionalBoolean("ignoreCase", false);
        v.throwIfInvalid();
        return new DuplicateQuery(threshold, limit, ignoreCase);
    }
}
