package dev.fnbundle.fuzzy;

import dev.fnbundle.common.http.ApiRequest;
import dev.fnbundle.common.problem.Problem;
import dev.fnbundle.common.problem.ProblemException;
import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.fuzzy.catalog.SearchRequest;
import dev.fnbundle.fuzzy.search.Ranker;
import dev.fnbundle.fuzzy.search.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The query string of {@code GET /catalogs/{name}/search}: {@code q} (required, 1 to 256 characters after trimming),
 * {@code limit} (1 to 100), {@code threshold} (0 to 1), {@code ranker} (seed or default). Every invalid parameter is
 * reported in one 400; absent ones take the catalog's settings.
 */
final class SearchParameters {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final List<String> RANKERS = List.of(Ranker.SEED.apiName(), Ranker.DEFAULT.apiName());

    private SearchParameters() {
    }

    /** @throws ProblemException 400 listing every invalid parameter (and the valid rankers when one is the ranker) */
    static SearchRequest read(ApiRequest request) {
        var errors = new ArrayList<FieldError>();
        String q = query(request.query("q"), errors);
        Integer limit = request.query("limit").map(text -> limit(text, errors)).orElse(null);
        Double threshold = request.query("threshold").map(text -> threshold(text, errors)).orElse(null);
        String ranker = request.query("ranker").orElse(null);
        boolean unknownRanker = ranker != null && !RANKERS.contains(ranker);
        if (unknownRanker) {
            errors.add(new FieldError("ranker", "must be one of: " + String.join(", ", RANKERS)));
        }
        if (!errors.isEmpty()) {
            Problem problem = Problem.invalid(errors);
            throw new ProblemException(unknownRanker ? problem.with("validNames", RANKERS) : problem);
        }
        return new SearchRequest(q, limit, threshold, ranker);
    }

    private static String query(Optional<String> given, List<FieldError> errors) {
        if (given.isEmpty()) {
            errors.add(new FieldError("q", "is required"));
            return null;
        }
        String q = given.get().strip();
        if (q.isEmpty()) {
            errors.add(new FieldError("q", "must not be blank"));
            return null;
        }
        if (q.codePointCount(0, q.length()) > SearchQuery.MAX_QUERY_LENGTH) {
            errors.add(new FieldError("q", "must be at most " + SearchQuery.MAX_QUERY_LENGTH
                    + " characters (code points)"));
            return null;
        }
        return q;
    }

    private static Integer limit(String text, List<FieldError> errors) {
        if (!INTEGER.matcher(text.strip()).matches()) {
            errors.add(new FieldError("limit", "must be an integer"));
            return null;
        }
        long limit = Long.parseLong(text.strip());
        if (limit < 1 || limit > SearchQuery.MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + SearchQuery.MAX_LIMIT));
            return null;
        }
        return (int) limit;
    }

    private static Double threshold(String text, List<FieldError> errors) {
        if (!DECIMAL.matcher(text.strip()).matches()) {
            errors.add(new FieldError("threshold", "must be a number"));
            return null;
        }
        double threshold = Double.parseDouble(text.strip());
        if (!(threshold >= 0 && threshold <= 1)) {
            errors.add(new FieldError("threshold", "must be between 0 and 1"));
            return null;
        }
        return threshold;
    }
}
