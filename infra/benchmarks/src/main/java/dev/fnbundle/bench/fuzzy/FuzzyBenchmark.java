package dev.fnbundle.bench.fuzzy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnbundle.fuzzy.search.CatalogIndex;
import dev.fnbundle.fuzzy.search.CatalogItem;
import dev.fnbundle.fuzzy.search.Ranker;
import dev.fnbundle.fuzzy.search.SearchHit;
import dev.fnbundle.fuzzy.search.SearchQuery;
import dev.fnbundle.fuzzy.search.SearchResult;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Indexed seed search against a brute-force scan with the same scorer, on 100 000 product-like titles and 1 000
 * typo'd queries, single-threaded; checks identical results for every query, and runs the seed's Python
 * {@code fuzzy_search} (textdistance transcription) on a few queries of the same catalog.
 *
 * <p>Arguments (optional): {@code items queries pythonQueries}, default {@code 100000 1000 3}.
 */
public final class FuzzyBenchmark {

    private static final Path REFERENCE = Path.of("functions/fuzzy-search/src/test/resources/reference");

    private FuzzyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queryCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int pythonQueries = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        ProductCatalogGenerator generator = new ProductCatalogGenerator(20_250_101L);
        List<CatalogItem> catalog = generator.catalog(items);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < queryCount; i++) {
            queries.add(generator.query(catalog));
        }
        System.out.printf(Locale.ROOT, "fuzzy: %,d product titles (mean %.1f chars), %,d typo'd queries, 1 thread%n",
                items, catalog.stream().mapToInt(item -> item.text().length()).average().orElse(0), queryCount);
        printLoad("start");

        CatalogIndex index = build(catalog);
        warmUp(index, queries);
        compare(index, queries, 3, 0.4, queries.size());
        compare(index, queries, 10, 0.7, Math.min(200, queries.size()));
        defaultRanker(index, queries);
        python(index, catalog, queries.subList(0, Math.min(pythonQueries, queries.size())));
        printLoad("end");
    }

    /** Tail latencies on a shared machine include scheduling delays: the load says how much. */
    private static void printLoad(String when) {
        System.out.printf(Locale.ROOT, "machine at %s: %d cores, load average %.2f%n", when,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static CatalogIndex build(List<CatalogItem> catalog) {
        long before = usedHeap();
        long start = System.nanoTime();
        CatalogIndex index = CatalogIndex.build(catalog);
        long elapsed = System.nanoTime() - start;
        long retained = usedHeap() - before;
        System.out.printf(Locale.ROOT, "index build: %.0f ms, retained heap %.1f MB (excluding the item strings)%n",
                elapsed / 1e6, retained / 1e6);
        return index;
    }

    private static void warmUp(CatalogIndex index, List<String> queries) {
        for (int i = 0; i < Math.min(200, queries.size()); i++) {
            SearchQuery query = new SearchQuery(queries.get(i), 3, 0.4, Ranker.SEED);
            index.search(query);
            if (i < 20) {
                index.scan(query);
            }
        }
    }

    private static void compare(CatalogIndex index, List<String> queries, int limit, double threshold, int count) {
        long[] indexed = new long[count];
        long[] scanned = new long[count];
        long scoredItems = 0;
        int mismatches = 0;
        for (int i = 0; i < count; i++) {
            SearchQuery query = new SearchQuery(queries.get(i), limit, threshold, Ranker.SEED);
            long start = System.nanoTime();
            SearchResult fast = index.search(query);
            indexed[i] = System.nanoTime() - start;
            start = System.nanoTime();
            SearchResult full = index.scan(query);
            scanned[i] = System.nanoTime() - start;
            scoredItems += fast.scoredItems();
            mismatches += fast.hits().equals(full.hits()) ? 0 : 1;
        }
        double fastP50 = percentile(indexed, 50);
        double fullP50 = percentile(scanned, 50);
        System.out.printf(Locale.ROOT, "seed ranker, limit %d, threshold %.1f, %d queries:%n", limit, threshold,
                count);
        System.out.printf(Locale.ROOT, "  indexed    p50 %8.3f ms  p99 %8.3f ms  (mean %.0f items scored exactly)%n",
                fastP50, percentile(indexed, 99), (double) scoredItems / count);
        System.out.printf(Locale.ROOT, "  brute force p50 %8.3f ms  p99 %8.3f ms  (%,d items scored)%n", fullP50,
                percentile(scanned, 99), index.size());
        System.out.printf(Locale.ROOT, "  speed-up  p50 %.0fx, p99 %.0fx; identical results: %d/%d queries%n",
                fullP50 / fastP50, percentile(scanned, 99) / percentile(indexed, 99), count - mismatches, count);
    }

    private static void defaultRanker(CatalogIndex index, List<String> queries) {
        int count = Math.min(200, queries.size());
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            SearchQuery query = new SearchQuery(queries.get(i), 3, 0.4, Ranker.DEFAULT);
            long start = System.nanoTime();
            index.search(query);
            times[i] = System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "default ranker (indexed), %d queries: p50 %.3f ms, p99 %.3f ms%n", count,
                percentile(times, 50), percentile(times, 99));
    }

    private static void python(CatalogIndex index, List<CatalogItem> catalog, List<String> queries)
            throws IOException, InterruptedException {
        if (queries.isEmpty()) {
            return;
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode request = json.createObjectNode();
        ArrayNode seed = request.putArray("seed");
        for (String query : queries) {
            ObjectNode node = seed.addObject().put("query", query).put("threshold", 0.4).put("top_n", 3);
            ArrayNode texts = node.putArray("catalog");
            catalog.forEach(item -> texts.add(item.text()));
        }
        Path input = Files.createTempFile("fuzzy-bench", ".json");
        json.writeValue(input.toFile(), request);
        long start = System.nanoTime();
        Process process = new ProcessBuilder("python3", "-B", "reference_driver.py").directory(REFERENCE.toFile())
                .redirectInput(input.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        JsonNode answer = json.readTree(process.getInputStream());
        process.waitFor(1, TimeUnit.HOURS);
        double perQuery = (System.nanoTime() - start) / 1e6 / queries.size();
        Files.deleteIfExists(input);
        int identical = 0;
        long[] javaTimes = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t0 = System.nanoTime();
            List<SearchHit> hits = index.search(new SearchQuery(queries.get(i), 3, 0.4, Ranker.SEED)).hits();
            javaTimes[i] = System.nanoTime() - t0;
            List<String> java = hits.stream().map(hit -> hit.score() + " " + hit.text()).toList();
            List<String> py = new ArrayList<>();
            answer.get("seed").get(i).forEach(hit -> py.add(Double.parseDouble(hit.get("score").asText()) + " "
                    + hit.get("text").asText()));
            identical += java.equals(py) ? 1 : 0;
        }
        double javaMean = Arrays.stream(javaTimes).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "python seed fuzzy_search (textdistance transcription, full scan): %.0f ms per"
                + " query (incl. start-up), %d queries; indexed Java %.3f ms -> %.0fx; identical results: %d/%d%n",
                perQuery, queries.size(), javaMean, perQuery / javaMean, identical, queries.size());
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int at = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, at)] / 1e6;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
