package dev.fnbundle.bench.fuzzy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.bench.Settings;
import dev.fnbundle.bench.Suite;
import dev.fnbundle.bench.report.Figure;
import dev.fnbundle.bench.report.JmhLatency;
import dev.fnbundle.bench.report.Python;
import dev.fnbundle.bench.report.Report;
import dev.fnbundle.fuzzy.search.CatalogIndex;
import dev.fnbundle.fuzzy.search.Ranker;
import dev.fnbundle.fuzzy.search.SearchHit;
import dev.fnbundle.fuzzy.search.SearchQuery;
import dev.fnbundle.fuzzy.search.SearchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fuzzy search on 100 000 product titles: the warm per-request latency of both rankers through JMH's sample-time
 * mode, every indexed answer checked against a full scan on a sample of the queries, the seed's Python
 * {@code fuzzy_search} on a few of them, and what a cold container pays for its first search (a fresh JVM with the
 * function's flags, items from DynamoDB Local, index build, answer), per phase.
 *
 * <p>Properties: {@code bench.fuzzy.checks} (queries compared with the full scan per ranker, default 20),
 * {@code bench.fuzzy.coldRuns} (cold JVMs per mode, default 3), {@code bench.fuzzy.coldItems} (catalog sizes of
 * the cold runs, default {@code 100000}; {@code 100000,1000000} adds the million, whose first load into DynamoDB
 * Local takes a few minutes and is kept on disk for later runs), {@code bench.fuzzy.itemPathMaxItems} (largest
 * catalog whose cold search is also measured without its snapshot, default 100 000), {@code bench.fuzzy.coldOnly}
 * (only the cold part, for iterating on it).
 */
public final class FuzzySuite implements Suite {
    static final int ITEMS = 100_000;
    /** A warm container: the heap the function gets, the collector the JDK picks by default. */
    static final List<String> JVM = List.of("-Xms1g", "-Xmx2g", "-XX:+UseParallelGC");
    private static final String PYTHON = """
            import json, sys, time
            from seed_search_ref import fuzzy_search
            with open(sys.argv[1], encoding="utf-8") as f:
                case = json.load(f)
            times, answers = [], []
            for query in case["queries"]:
                t0 = time.perf_counter()
                hits = fuzzy_search(query, case["catalog"], 0.4, 3)
                times.append((time.perf_counter() - t0) * 1000)
                answers.append([[text, repr(float(score))] for text, score in hits])
            print("query_ms=" + ",".join("%.1f" % t for t in times))
            print("answers=" + json.dumps(answers))
            """;

    @Override
    public String name() {
        return "fuzzy";
    }

    @Override
    public void run(Report report, Settings settings) throws Exception {
        long started = System.nanoTime();
        int checks = Integer.getInteger("bench.fuzzy.checks", 10);
        int coldRuns = Integer.getInteger("bench.fuzzy.coldRuns", 3);
        String coldItems = System.getProperty("bench.fuzzy.coldItems", Integer.toString(ITEMS));
        if (Boolean.getBoolean("bench.fuzzy.coldOnly")) {
            report.section(cold(report, FuzzyWorkload.of(ITEMS), coldItems, coldRuns) + String.format(Locale.ROOT,
                    "%nThis suite (cold part only) took %.1f min.%n", (System.nanoTime() - started) / 6e10));
            return;
        }

        // 2 s iterations: a search takes milliseconds, so each fork still times about 2 000 of them after as many
        // warm-up calls (the JIT has settled by then), and the suite stays within a few minutes.
        JmhLatency jmh = new JmhLatency(settings.forks(), 3, 3, 2, JVM);
        Map<String, JmhLatency.Latency> warm = jmh.run(FuzzyJmh.class, "search",
                Map.of("items", Integer.toString(ITEMS), "limit", "3", "threshold", "0.4"));
        System.out.printf(Locale.ROOT, "fuzzy: JMH done after %.1f min%n", (System.nanoTime() - started) / 6e10);

        FuzzyWorkload workload = FuzzyWorkload.of(ITEMS);
        CatalogIndex index = CatalogIndex.build(workload.catalog());
        Check seed = check(index, workload.queries().subList(0, checks), Ranker.SEED);
        Check fallback = check(index, workload.queries().subList(0, checks), Ranker.DEFAULT);
        Map<Ranker, CpuPercentiles> cpu = new LinkedHashMap<>();
        for (Ranker ranker : List.of(Ranker.SEED, Ranker.DEFAULT)) {
            cpu.put(ranker, CpuPercentiles.measure(index, workload.queries(), ranker));
        }
        System.out.printf(Locale.ROOT, "fuzzy: full-scan checks and CPU percentiles done after %.1f min%n",
                (System.nanoTime() - started) / 6e10);
        // One query: the seed's full scan of 100 000 titles takes tens of seconds in CPython.
        int pythonQueries = Math.min(settings.pythonRuns(), 1);
        PythonSeed python = python(settings.python(), index, workload, pythonQueries);
        System.out.printf(Locale.ROOT, "fuzzy: Python done after %.1f min%n", (System.nanoTime() - started) / 6e10);

        StringBuilder md = new StringBuilder("## fuzzy: search on 100 000 product titles\n\n");
        md.append(String.format(Locale.ROOT, "Catalog: %,d seeded product titles (mean %.1f chars); queries: typo'd"
                + " titles (1 to 3 deletions, swaps or substitutions, lower-cased half of the time), limit 3,"
                + " threshold 0.4, one thread.%n%n", ITEMS, workload.meanTitleLength()));
        md.append("### Warm: one search request on a built index\n\n")
                .append("| ranker | p50 | p99 | all calls pooled: p50 / p99 / max (calls) |\n|---|---|---|---|\n");
        for (var entry : warm.entrySet()) {
            var latency = entry.getValue();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f / %.3f / %.1f ms (%,d) |%n",
                    entry.getKey().replace("search[ranker=", "").replace("]", "").toLowerCase(Locale.ROOT),
                    latency.p50().ms(), latency.p99().ms(), latency.pooledP50(), latency.pooledP99(),
                    latency.pooledMax(), latency.calls()));
        }
        md.append("\n").append(jmh.how())
                .append(". p50 and p99 are the median over forks (spread: min–max over forks). Wall time: on a")
                .append(" machine whose load average exceeds its cores, it mostly measures waiting for a CPU.\n\n");
        md.append("CPU time of the searching thread per request (less load-sensitive): ");
        cpu.forEach((ranker, figures) -> md.append(ranker.name().toLowerCase(Locale.ROOT)).append(" ")
                .append(figures.markdown()).append("; "));
        md.append(CpuPercentiles.HOW).append(".\n\n");
        md.append(String.format(Locale.ROOT, "Identical to a full scan (`CatalogIndex.scan`, every item scored): seed"
                        + " %d/%d queries, default %d/%d (the first %d queries). Full scan per query: seed %s,"
                        + " default %s.%n%n", seed.identical, checks, fallback.identical, checks, checks,
                seed.scan.ms(), fallback.scan.ms()));
        md.append(python.markdown()).append("\n\n");

        var seedWarm = warm.get("search[ranker=SEED]");
        var defaultWarm = warm.get("search[ranker=DEFAULT]");
        report.row(new Report.Row("fuzzy", "seed ranker, 100 000 titles, p99 per request", seedWarm.p99(),
                "seed fuzzy_search in Python (full scan)", python.perQuery, python.identical));
        report.row(new Report.Row("fuzzy", "default ranker, 100 000 titles, p99 per request", defaultWarm.p99(),
                "our full scan (no Python reference)", fallback.scan, fallback.identical + "/" + checks
                + " queries equal to the full scan"));

        try {
            md.append(cold(report, workload, coldItems, coldRuns));
        } catch (Exception | Error e) {
            // The warm figures above stay in the report when the cold part fails.
            md.append("### Cold: FAILED\n\n```\n").append(e).append("\n```\n");
        }
        md.append(String.format(Locale.ROOT, "%nThis suite took %.1f min (`./mvnw -Pbench -Dbench.only=fuzzy`).%n",
                (System.nanoTime() - started) / 6e10));
        report.section(md.toString());
    }

    private record Check(int identical, Figure scan) {
    }

    private static Check check(CatalogIndex index, List<String> queries, Ranker ranker) {
        int identical = 0;
        double[] scans = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            SearchQuery query = new SearchQuery(queries.get(i), 3, 0.4, ranker);
            SearchResult indexed = index.search(query);
            long start = System.nanoTime();
            SearchResult scanned = index.scan(query);
            scans[i] = (System.nanoTime() - start) / 1e6;
            identical += indexed.hits().equals(scanned.hits())
                    && indexed.didYouMean().equals(scanned.didYouMean()) ? 1 : 0;
        }
        return new Check(identical, new Figure(scans, "full scan per query, " + queries.size() + " queries"));
    }

    private record PythonSeed(Figure perQuery, String identical, String markdown) {
    }

    private static PythonSeed python(Python python, CatalogIndex index, FuzzyWorkload workload, int count)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> queries = workload.queries().subList(0, count);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("queries", queries);
        input.put("catalog", workload.catalog().stream().map(item -> item.text()).toList());
        Path file = Files.createTempFile("fuzzy-bench", ".json");
        try {
            json.writeValue(file.toFile(), input);
            Python withReference = new Python(python.executable(),
                    Path.of("functions/fuzzy-search/src/test/resources/reference").toAbsolutePath().toString());
            Map<String, String> out = withReference.run(PYTHON, List.of(file.toString()), 30);
            Figure perQuery = Python.figure(out, "query_ms", "python3, " + count + " queries in one process, the"
                    + " catalog already loaded");
            List<?> answers = json.readValue(out.get("answers"), List.class);
            int identical = 0;
            double[] ours = new double[count];
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                List<SearchHit> hits = index.search(new SearchQuery(queries.get(i), 3, 0.4, Ranker.SEED)).hits();
                ours[i] = (System.nanoTime() - start) / 1e6;
                List<List<String>> java = hits.stream().map(hit -> List.of(hit.text(), repr(hit.score()))).toList();
                identical += java.equals(answers.get(i)) ? 1 : 0;
            }
            String md = String.format(Locale.ROOT, "Seed `fuzzy_search` in Python (textdistance transcription, full"
                            + " scan of the 100 000 titles): %s per query (%s); ours, indexed, on the same queries"
                            + " %s. Identical hits and scores: %d/%d.", perQuery.ms(), perQuery.how(),
                    new Figure(ours, "").ms(), identical, count);
            return new PythonSeed(perQuery, identical + "/" + count + " queries equal to Python's hits and scores",
                    md);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Python's repr of a float, which Java's Double.toString matches for the doubles scores take. */
    private static String repr(double value) {
        return Double.toString(value);
    }

    private static String cold(Report report, FuzzyWorkload hundredThousand, String sizes, int runs)
            throws Exception {
        int itemPathMax = Integer.getInteger("bench.fuzzy.itemPathMaxItems", ITEMS);
        StringBuilder md = new StringBuilder("### Cold: a fresh container's first search\n\n");
        md.append("A new JVM with the function's flags (`").append(String.join(" ", ColdCatalogs.FUNCTION_JVM))
                .append("`) and environment, against DynamoDB Local on this machine (kept on disk; catalogs")
                .append(" bulk-loaded once as the repository's own records). `handler`: the real `FuzzyApiHandler`")
                .append(" built from the environment, then one `GET /catalogs/{name}/search` event (default ranker);")
                .append(" `phases`: the same steps timed one by one in another fresh JVM. `snapshot`: the catalog's")
                .append(" snapshot is current (written as the importer does: the items and their built index), so")
                .append(" the index is decoded from one read of it (`decode` includes the index; nothing left to")
                .append(" build); `items`: no snapshot, every item record is read through paginated queries and the")
                .append(" index is built (the fallback). JVM start → answer adds the JVM's own start to main.")
                .append(" Median of ").append(runs)
                .append(" cold JVMs each (min–max); one each above 100 000 items. `CPU` is the process's CPU")
                .append(" time from JVM start to the answer (every thread: JIT and GC included).\n\n")
                .append("| items | index from | JVM start → answer | CPU to answer | init (handler) |")
                .append(" first search (handler) | second search | client | header | read | decode | index build |")
                .append(" search | retained heap | peak RSS |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder notes = new StringBuilder();
        try (ColdCatalogs catalogs = new ColdCatalogs()) {
            for (String size : sizes.split(",")) {
                int items = Integer.parseInt(size.strip());
                FuzzyWorkload workload = items == hundredThousand.catalog().size() ? hundredThousand
                        : FuzzyWorkload.of(items);
                boolean withItems = items <= itemPathMax;
                String catalog = catalogs.ensure(workload, withItems);
                String query = workload.queries().get(0);
                // A million items take tens of seconds per cold JVM: one run of each there.
                int times = items > ITEMS ? 1 : runs;
                Double loaded = catalogs.loadSeconds().get(catalog);
                if (withItems) {
                    catalogs.dropSnapshot(catalog);
                    md.append(coldRows(report, catalogs, catalog, query, items, times, false));
                    double writeMs = catalogs.writeSnapshot(catalog);
                    notes.append(String.format(Locale.ROOT, "%,d items: snapshot written in %.0f ms (items read,"
                            + " encoded, chunks put)%s.%n", items, writeMs, loaded == null ? ""
                            : String.format(Locale.ROOT, "; the item records bulk-loaded into DynamoDB Local in"
                            + " %.0f s (BatchWriteItem, 4 threads)", loaded)));
                } else {
                    notes.append(String.format(Locale.ROOT, "%,d items: header and snapshot written directly, no"
                            + " item records (filling DynamoDB Local item by item takes too long here), so only"
                            + " the snapshot path is measured%s.%n", items, loaded == null ? ""
                            : String.format(Locale.ROOT, "; encoding and writing it took %.0f s", loaded)));
                }
                md.append(coldRows(report, catalogs, catalog, query, items, times, true));
            }
        }
        return md.append("\n").append(notes).toString();
    }

    private static String coldRows(Report report, ColdCatalogs catalogs, String catalog, String query, int items,
                                   int times, boolean snapshot) throws Exception {
        List<Map<String, String>> handler = new ArrayList<>();
        List<Map<String, String>> phases = new ArrayList<>();
        for (int run = 0; run < times; run++) {
            Map<String, String> answered = catalogs.coldChild("handler", catalog, query);
            if (Double.parseDouble(answered.get("from_snapshot")) != (snapshot ? 1 : 0)) {
                throw new IllegalStateException("the cold handler's index did not come from the "
                        + (snapshot ? "snapshot" : "items") + ": " + answered);
            }
            handler.add(answered);
            phases.add(catalogs.coldChild(snapshot ? "snapshot-phases" : "phases", catalog, query));
        }
        String source = snapshot ? "snapshot" : "items";
        Figure total = sum(handler, "jvm_to_main_ms", "main_to_answer_ms");
        Figure cpu = figure(handler, "cpu_to_answer_ms");
        String read = figure(phases, snapshot ? "snapshot_read_ms" : "items_ms").ms();
        if (snapshot) {
            read += String.format(Locale.ROOT, " (%.1f MB)", figure(phases, "snapshot_bytes").median() / 1e6);
        }
        String row = String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |"
                        + " %s MB | %s MB |%n", items, source, total.ms(), cpu.ms(), figure(handler, "init_ms").ms(),
                figure(handler, "first_search_ms").ms(), figure(handler, "second_search_ms").ms(),
                figure(phases, "client_ms").ms(), figure(phases, "header_ms").ms(), read,
                snapshot ? figure(phases, "decode_ms").ms() : "–", figure(phases, "build_ms").ms(),
                figure(phases, "search_ms").ms(), num(figure(handler, "retained_heap_mb")),
                num(figure(handler, "peak_rss_mb")));
        report.row(new Report.Row("fuzzy", String.format(Locale.ROOT, "cold first search, %,d items from"
                + " DynamoDB Local, index from %s (JVM start → answer)", items, source), total, "–", null,
                "answered 200 with hits"));
        report.row(new Report.Row("fuzzy", String.format(Locale.ROOT, "cold first search, %,d items, index from"
                + " %s: CPU time of the process (target ≤ 2 s at 100 000)", items, source), cpu, "–", null,
                "answered 200 with hits"));
        return row;
    }

    private static Figure figure(List<Map<String, String>> runs, String key) {
        return new Figure(runs.stream().mapToDouble(run -> Double.parseDouble(run.get(key))).toArray(),
                "cold JVMs, " + runs.size() + " runs");
    }

    private static Figure sum(List<Map<String, String>> runs, String first, String second) {
        return new Figure(runs.stream().mapToDouble(run -> Double.parseDouble(run.get(first))
                + Double.parseDouble(run.get(second))).toArray(), "cold JVMs, " + runs.size() + " runs");
    }

    private static String num(Figure figure) {
        return String.format(Locale.ROOT, "%.0f (%.0f–%.0f)", figure.median(), figure.min(), figure.max());
    }

}
