package dev.fnbundle.bench.fuzzy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.aws.AwsClients;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.fuzzy.BenchApiHandler;
import dev.fnbundle.fuzzy.FuzzyApiHandler;
import dev.fnbundle.fuzzy.FuzzyWiring;
import dev.fnbundle.fuzzy.aws.DynamoCatalogRepository;
import dev.fnbundle.fuzzy.aws.DynamoSnapshotStore;
import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.catalog.SnapshotCodec;
import dev.fnbundle.fuzzy.search.CatalogIndex;
import dev.fnbundle.fuzzy.search.CatalogItem;
import dev.fnbundle.fuzzy.search.Ranker;
import dev.fnbundle.fuzzy.search.SearchQuery;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cold container's first search, in a fresh JVM started with the function's flags against DynamoDB Local.
 * {@code handler CATALOG QUERY}: the real {@link FuzzyApiHandler} built from the environment (init), then one
 * {@code GET /catalogs/{name}/search} event, as Lambda would send it. {@code phases CATALOG QUERY}: the same work
 * step by step (client, header, items, index build, search) so the report can say where the time goes;
 * {@code snapshot-phases CATALOG QUERY}: the same with the catalog's snapshot (one read, decode of the items
 * and the stored index, so no build) in place of the items. The handler prints {@code from_snapshot} (1 when its
 * index came from the snapshot).
 * {@code generated ITEMS}: the workload's catalog made in this JVM (no DynamoDB), then index build and first search,
 * for catalog sizes not loaded into DynamoDB Local. Prints
 * {@code key=value} lines: milliseconds, heap retained after the answer and the process's peak RSS (MB).
 */
public final class ColdSearchChild {

    private ColdSearchChild() {
    }

    public static void main(String[] args) throws IOException {
        long mainAt = System.nanoTime();
        long jvmStartToMain = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        print("jvm_to_main_ms", jvmStartToMain);
        switch (args[0]) {
            case "handler" -> handler(args[1], args[2], mainAt);
            case "phases" -> phases(args[1], args[2], mainAt);
            case "snapshot-phases" -> snapshotPhases(args[1], args[2], mainAt);
            default -> generated(Integer.parseInt(args[1]), mainAt);
        }
        print("peak_rss_mb", peakRssMb());
    }

    private static void handler(String catalog, String query, long mainAt) {
        long start = System.nanoTime();
        // What the public constructor does, keeping the wiring to ask where the index came from.
        FuzzyWiring wiring = FuzzyWiring.fromEnv();
        FuzzyApiHandler handler = BenchApiHandler.over(wiring);
        print("init_ms", since(start));
        start = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(searchEvent(catalog, query), null);
        print("first_search_ms", since(start));
        print("main_to_answer_ms", since(mainAt));
        print("cpu_to_answer_ms", processCpuMs());
        // The critical path when a second core is free: what the warm-up threads do beside it is not in it.
        print("main_thread_cpu_to_answer_ms", ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6);
        print("from_snapshot", wiring.catalogs().loads().fromSnapshot());
        if (response.getStatusCode() != 200 || !response.getBody().contains("\"results\"")) {
            throw new IllegalStateException("the first search answered " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        start = System.nanoTime();
        handler.handleRequest(searchEvent(catalog, query + " x"), null);
        print("second_search_ms", since(start));
        print("retained_heap_mb", retainedHeapMb());
        // The handler holds the wiring, whose index cache holds the catalog: measured above while reachable.
        print("handler_alive", handler.hashCode() == 0 ? 0 : 1);
    }

    private static void phases(String catalog, String query, long mainAt) {
        long start = System.nanoTime();
        var dynamo = AwsClients.dynamoDb(Env.system());
        var repository = new DynamoCatalogRepository(dynamo, System.getenv("FUZZY_TABLE"));
        print("client_ms", since(start));
        start = System.nanoTime();
        repository.header(catalog).orElseThrow();
        print("header_ms", since(start));
        start = System.nanoTime();
        List<CatalogEntry> entries = repository.items(catalog);
        print("items_ms", since(start));
        buildAndSearch(entries, query, mainAt);
    }

    /** The phases both paths share once the entries are read: index build, one search, and the totals. */
    private static void buildAndSearch(List<CatalogEntry> entries, String query, long mainAt) {
        print("items", entries.size());
        long start = System.nanoTime();
        CatalogIndex index = CatalogIndex.build(entries.stream().map(e -> new CatalogItem(e.id(), e.text())).toList());
        print("build_ms", since(start));
        search(index, entries, query, mainAt);
    }

    /** The first search and the totals; the entries stay reachable until the heap is measured. */
    private static void search(CatalogIndex index, List<CatalogEntry> entries, String query, long mainAt) {
        long start = System.nanoTime();
        index.search(new SearchQuery(query, 3, 0.4, Ranker.DEFAULT));
        print("search_ms", since(start));
        print("main_to_answer_ms", since(mainAt));
        print("cpu_to_answer_ms", processCpuMs());
        print("retained_heap_mb", retainedHeapMb());
        print("kept", entries.size() + index.size());
    }

    private static void snapshotPhases(String catalog, String query, long mainAt) {
        long start = System.nanoTime();
        var dynamo = AwsClients.dynamoDb(Env.system());
        var repository = new DynamoCatalogRepository(dynamo, System.getenv("FUZZY_TABLE"));
        var store = new DynamoSnapshotStore(dynamo, System.getenv("FUZZY_TABLE"));
        print("client_ms", since(start));
        start = System.nanoTime();
        var header = repository.header(catalog).orElseThrow();
        print("header_ms", since(start));
        start = System.nanoTime();
        byte[] snapshot = store.read(catalog, header.version()).orElseThrow();
        print("snapshot_read_ms", since(start));
        print("snapshot_bytes", snapshot.length);
        start = System.nanoTime();
        SnapshotCodec.Decoded decoded = SnapshotCodec.decode(snapshot);
        print("decode_ms", since(start));
        if (decoded.index().isEmpty()) {
            throw new IllegalStateException("the snapshot holds no usable index: " + decoded.noIndexReason());
        }
        print("items", decoded.entries().size());
        // The index came with the snapshot: nothing to build.
        print("build_ms", 0);
        search(decoded.index().get(), decoded.entries(), query, mainAt);
    }

    private static void generated(int items, long mainAt) {
        long start = System.nanoTime();
        FuzzyWorkload workload = FuzzyWorkload.of(items);
        print("generate_ms", since(start));
        start = System.nanoTime();
        CatalogIndex index = CatalogIndex.build(workload.catalog());
        print("build_ms", since(start));
        start = System.nanoTime();
        index.search(new SearchQuery(workload.queries().get(0), 3, 0.4, Ranker.DEFAULT));
        print("search_ms", since(start));
        print("main_to_answer_ms", since(mainAt));
        print("cpu_to_answer_ms", processCpuMs());
        print("retained_heap_mb", retainedHeapMb());
        print("kept", workload.catalog().size() + index.size());
    }

    /** CPU time of the whole process so far (every thread: JIT and GC included), in milliseconds. */
    private static double processCpuMs() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e6;
    }

    private static APIGatewayV2HTTPEvent searchEvent(String catalog, String query) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                .withPath("/catalogs/" + catalog + "/search").build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET /catalogs/{name}/search")
                .withRawPath("/catalogs/" + catalog + "/search")
                .withPathParameters(Map.of("name", catalog))
                .withQueryStringParameters(Map.of("q", query, "ranker", "default", "limit", "3", "threshold", "0.4"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http)
                        .withRequestId("cold-" + System.nanoTime()).build())
                .build();
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, "%.1f", value));
    }

    private static double retainedHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / 1e6;
    }

    /** The process's high-water mark of resident memory (Linux), or -1 elsewhere. */
    private static double peakRssMb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1e3;
            }
        }
        return -1;
    }
}
