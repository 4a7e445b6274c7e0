package dev.fnbundle.bench.fuzzy;

import dev.fnbundle.embedded.EmbeddedDynamo;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.Provisioner;
import dev.fnbundle.embedded.template.LocalAccount;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import dev.fnbundle.fuzzy.aws.DynamoCatalogRepository;
import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.catalog.CatalogSettings;
import dev.fnbundle.fuzzy.search.CatalogItem;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
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
 * once through the repository's own write path and reused by later runs, and the cold children that search them.
 */
final class ColdCatalogs implements AutoCloseable {
    /** The fuzzy API function's memory and Lambda's JVM flags (template Globals), with the local runtime's GC. */
    static final List<String> FUNCTION_JVM = List.of("-Xmx2048m", "-XX:+UseSerialGC", "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto");
    private static final Path DATA = Path.of("target", "fuzzy-bench", "dynamo");

    private final EmbeddedDynamo dynamo;
    private final DynamoDbClient client;
    private final String table;

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

    /** The catalog {@code bench-N} holding the workload's N items, written now unless an earlier run did. */
    String ensure(FuzzyWorkload workload) {
        String name = "bench-" + workload.catalog().size();
        var repository = new DynamoCatalogRepository(client, table);
        var header = repository.header(name);
        if (header.isPresent() && header.get().itemCount() == workload.catalog().size()) {
            return name;
        }
        Instant now = Instant.now();
        if (header.isEmpty()) {
            repository.create(name, CatalogSettings.DEFAULTS, now);
        }
        long start = System.nanoTime();
        List<CatalogItem> items = workload.catalog();
        for (int from = 0; from < items.size(); from += 1_000) {
            List<CatalogEntry> batch = items.subList(from, Math.min(items.size(), from + 1_000)).stream()
                    .map(item -> new CatalogEntry(item.id(), item.text(), null)).toList();
            repository.upsert(name, batch, items.size(), now);
        }
        System.out.printf("loaded %s into DynamoDB Local in %.0f s%n", name, (System.nanoTime() - start) / 1e9);
        return name;
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
