package dev.fnbundle.bench.fuzzy;

import dev.fnbundle.fuzzy.search.CatalogIndex;
import dev.fnbundle.fuzzy.search.Ranker;
import dev.fnbundle.fuzzy.search.SearchQuery;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The searching thread's CPU time per request over the workload's queries, beside JMH's wall time: on a machine
 * shared with other work, wall-time percentiles mostly measure the wait for a core, CPU time much less so.
 *
 * @param p50 median CPU milliseconds per search
 * @param p99 99th percentile
 * @param max the slowest search
 */
record CpuPercentiles(double p50, double p99, double max) {
    static final String HOW = "thread CPU time per search over the 1 000 queries, after two warm-up passes over them,"
            + " in the suite's JVM";

    static CpuPercentiles measure(CatalogIndex index, List<String> queries, Ranker ranker) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[queries.size()];
        // Two warm-up passes: the JIT recompiles the word matchers during the second one (measured), and a warm
        // container has served many more searches than that.
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < queries.size(); i++) {
                SearchQuery query = new SearchQuery(queries.get(i), 3, 0.4, ranker);
                long start = threads.getCurrentThreadCpuTime();
                index.search(query);
                nanos[i] = threads.getCurrentThreadCpuTime() - start;
            }
        }
        Arrays.sort(nanos);
        return new CpuPercentiles(at(nanos, 50), at(nanos, 99), nanos[nanos.length - 1] / 1e6);
    }

    private static double at(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1e6;
    }

    String markdown() {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.1f ms", p50, p99, max);
    }
}
