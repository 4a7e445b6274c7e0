package dev.fnbundle.bench.fuzzy;

import dev.fnbundle.fuzzy.search.CatalogIndex;
import dev.fnbundle.fuzzy.search.Ranker;
import dev.fnbundle.fuzzy.search.SearchQuery;
import dev.fnbundle.fuzzy.search.SearchResult;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One indexed search per call on a warm index, cycling through the workload's typo'd queries, for the ranker
 * named by {@link #ranker}; JMH's sample-time mode gives the per-request latency distribution (p50, p99).
 */
@State(Scope.Thread)
public class FuzzyJmh {
    @Param("100000")
    public int items;

    @Param({"SEED", "DEFAULT"})
    public String ranker;

    @Param("3")
    public int limit;

    @Param("0.4")
    public double threshold;

    private CatalogIndex index;
    private List<SearchQuery> queries;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        FuzzyWorkload workload = FuzzyWorkload.of(items);
        index = CatalogIndex.build(workload.catalog());
        Ranker chosen = Ranker.valueOf(ranker);
        queries = workload.queries().stream().map(text -> new SearchQuery(text, limit, threshold, chosen)).toList();
    }

    /** One search request's core: the next query against the index. */
    @Benchmark
    public SearchResult search() {
        SearchQuery query = queries.get(next);
        next = next + 1 == queries.size() ? 0 : next + 1;
        return index.search(query);
    }
}
