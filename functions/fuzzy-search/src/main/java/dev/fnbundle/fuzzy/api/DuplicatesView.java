package dev.fnbundle.fuzzy.api;

import dev.fnbundle.fuzzy.catalog.CatalogService;
import dev.fnbundle.fuzzy.search.DuplicateQuery;
import java.util.List;

/** The JSON of {@code POST /catalogs/{name}/duplicates}: likely duplicate pairs, best first. */
public record DuplicatesView(String catalog, long catalogVersion, double threshold, boolean ignoreCase,
                             List<Pair> pairs, int totalPairs, boolean truncated) {

    /** Two items whose texts reach the threshold, the earlier one (by catalog order) first. */
    public record Pair(String firstId, String firstText, String secondId, String secondText, double score) {
    }

    public static DuplicatesView of(CatalogService.Duplicates duplicates, DuplicateQuery query) {
        var entries = duplicates.catalog().entries();
        var pairs = duplicates.report().pairs().stream().map(p -> new Pair(p.firstId(),
                entries.get(p.firstPosition()).text(), p.secondId(), entries.get(p.secondPosition()).text(),
                p.score())).toList();
        return new DuplicatesView(duplicates.header().name(), duplicates.header().version(), query.threshold(),
                query.ignoreCase(), pairs, duplicates.report().totalPairs(), duplicates.report().truncated());
    }
}
