package dev.fnbundle.fuzzy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.fnbundle.fuzzy.catalog.CatalogSearch;
import java.util.List;

/**
 * The JSON of a search: {@code {"query", "ranker", "threshold", "limit", "catalogVersion", "results": [{"id", "text",
 * "score", "fields"?}], "didYouMean"?}}; {@code didYouMean} appears only when no item reached the threshold and the
 * catalog's vocabulary suggests a correction.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchView(String query, String ranker, double threshold, int limit, long catalogVersion,
                         List<Hit> results, String didYouMean) {

    /** One result; {@code fields} are the item's extra fields as stored. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String id, String text, double score, @JsonRawValue String fields) {
    }

    public static SearchView of(CatalogSearch search) {
        var query = search.query();
        var hits = search.result().hits().stream()
                .map(hit -> new Hit(hit.id(), hit.text(), hit.score(), search.entry(hit).fields())).toList();
        return new SearchView(query.text(), query.ranker().apiName(), query.threshold(), query.limit(),
                search.header().version(), hits, search.result().didYouMean().orElse(null));
    }
}
