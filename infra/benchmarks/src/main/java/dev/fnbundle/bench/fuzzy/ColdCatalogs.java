package dev.fnbundle.bench.fuzzy;

import dev.fnbundle.embedded.EmbeddedDynamo;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.Provisioner;
import dev.fnbundle.embedded.template.LocalAccount;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import dev.fnbundle.fuzzy.aws.BenchCatalogLoader;
import dev.fnbundle.fuzzy.aws.DynamoCatalogRepository;
import dev.fnbundle.fuzzy.aws.DynamoSnapshotStore;
import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.catalog.CatalogService;
import dev.fnbundle.fuzzy.catalog.IndexCache;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Catalogs of the benchmark's products in a DynamoDB Local kept on disk ({@code target/fuzzy-bench/dynamo}), loaded
 * once in bulk (the repository's records, batch-written) and reused by later runs, their snapshots, and the cold
 * children that search them.
 */
final class ColdCatalogs implements AutoCloseable {
    /** The fuzzy API function's memory and Lambda's JVM flags (template Globals), with the local runtime's GC. */
    static final List<String> FUNCTION_JVM = List.of("-Xmx2048m", "-XX:+UseSerialGC", "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto");
    private static final Path DATA = Path.of("target", "fuzzy-bench", "dynamo");

    private final EmbeddedDynamo dynamo;
    private final DynamoDbClient client;
    private final String table;
    private final Map<String, Double> loadSeconds = new LinkedHashMap<>();

    ColdCatalogs() {
        dynamo = EmbeddedDynamo.start(0, DATA.toAbsolutePath());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalAws.ACCESS_KEY,
                LocalAws.ACCESS_KEY));
        client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        var model = StackModel.resolve(Template.read(LocalAws.repositoryRoot().resolve("template.yaml")),
                Map.of("JwtIssuer", "https://issuer.test", "JwtAudience", "fnbundle"),
                LocalAccount.local("bench", URI.create("http://127.0.0.1:9")));
        var spec = model.table("FuzzyCatalogTable");
        new Provisioner(client, null).createTable(spec);
        table = spec.name();
    }

    /**
     * The catalog {@code bench-N} holding the workload's N items, bulk-loaded now ({@link BenchCatalogLoader})
     * unless an earlier run did; without {@code withItems}, {@code bench-snapshot-only-v2-N}: its header and snapshot
     * only. How long that took is in {@link #loadSeconds}.
     */
    String ensure(FuzzyWorkload workload, boolean withItems) throws Exception {
        // "v2": its snapshot holds the built index (FNS2); one kept on disk from the items-only format is not reused.
        String name = (withItems ? "bench-" : "bench-snapshot-only-v2-") + workload.catalog().size();
        var repository = new DynamoCatalogRepository(client, table);
        var header = repository.header(name);
        if (header.isPresent() && header.get().itemCount() == workload.catalog().size()) {
            return name;
        }
        long start = System.nanoTime();
        List<CatalogEntry> entries = workload.catalog().stream()
                .map(item -> new CatalogEntry(item.id(), item.text(), null)).toList();
        if (withItems) {
            BenchCatalogLoader.load(client, table, name, entries, 4);
        } else {
            BenchCatalogLoader.loadSnapshotOnly(client, table, name, entries);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        loadSeconds.put(name, seconds);
        System.out.printf("loaded %s into DynamoDB Local in %.0f s%n", name, seconds);
        return name;
    }

    /** Seconds each catalog bulk-loaded in this run took (absent: kept on disk from an earlier run). */
    Map<String, Double> loadSeconds() {
        return loadSeconds;
    }

    /** Removes the catalog's snapshot: cold searches then read every item record. */
    void dropSnapshot(String catalog) {
        BenchCatalogLoader.dropSnapshot(client, table, catalog);
    }

    /** Writes the catalog's snapshot as the importer does after a batch; the milliseconds it took. */
    double writeSnapshot(String catalog) {
        var service = new CatalogService(new DynamoCatalogRepository(client, table),
                new DynamoSnapshotStore(client, table), new IndexCache(0), Clock.systemUTC());
        long start = System.nanoTime();
        if (!service.refreshSnapshot(catalog)) {
            throw new IllegalStateException("the snapshot of " + catalog + " was current already");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** Runs {@link ColdSearchChild} in a fresh JVM with the function's flags and environment; its key=value lines. */
    Map<String, String> coldChild(String mode, String catalog, String query) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(FUNCTION_JVM);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdSearchChild.class.getName(), mode,
                catalog, query));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(LocalAws.awsEnvironment(dynamo.endpoint(), URI.create("http://127.0.0.1:9")));
        builder.environment().put("FUZZY_TABLE", table);
        builder.environment().put("FUZZY_IMPORT_QUEUE_URL", "http://127.0.0.1:9/000000000000/bench-imports");
        builder.environment().put("LOG_LEVEL", "WARN");
        long start = System.nanoTime();
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("cold child failed: " + out);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        values.put("process_ms", String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6));
        return values;
    }

    @Override
    public void close() {
        client.close();
        dynamo.close();
    }
}
