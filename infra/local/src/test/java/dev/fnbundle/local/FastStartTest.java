package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.local.console.Console;
import dev.fnbundle.local.observe.Trigger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The runtime answers as soon as its services run: functions start in the background, a request to one still
 * starting waits for it (and never fails for it), and health says which are ready. Each function's AOT cache is
 * made in the background once they all run, and later instances start from it. Functions behind routes start
 * before queue consumers and scheduled functions: a developer calls routes first.
 */
class FastStartTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> STARTING_STATES = Set.of("not started", "starting", "ready");

    @Test
    void a_request_to_a_function_still_starting_waits_for_it_and_health_says_what_is_ready() throws Exception {
        Path template = FixtureStack.create();
        var options = Options.parse(List.of("start", "--template", template.toString(), "--port", "0", "--no-mail",
                "--dynamodb-port", "0", "--sqs-port", "0", "--no-aot-cache"), template.getParent());

        try (var stack = BundleRuntime.start(options, quiet())) {
            var early = get(stack.port(), "/_local/health");
            var open = get(stack.port(), "/open");
            boolean warm = stack.awaitWarm(Duration.ofMinutes(5));
            var late = get(stack.port(), "/_local/health");

            assertThat(early.statusCode()).isEqualTo(503);
            var states = MAPPER.readTree(early.body()).path("functions");
            assertThat(states.size()).isEqualTo(stack.pools().size());
            states.properties().forEach(state -> assertThat(state.getValue().asText()).isIn(STARTING_STATES));
            assertThat(open.statusCode()).isEqualTo(201);
            assertThat(open.body()).contains("\"routeKey\":\"GET /open\"");
            assertThat(warm).isTrue();
            assertThat(late.statusCode()).isEqualTo(200);
            var first = stack.recorder().invocations().stream().filter(r -> r.function().equals("EchoFunction"))
                    .findFirst().orElseThrow();
            assertThat(first.succeeded()).isTrue();
            assertThat(first.cold()).as("the request waited for the instance's init").isTrue();
        }
    }

    @Test
    void an_aot_cache_is_made_in_the_background_and_later_instances_start_from_it() throws Exception {
        Path template = FixtureStack.withOneFunction("CrashFunction", "CrashHandler", 30);
        var options = Options.parse(List.of("start", "--template", template.toString(), "--port", "0", "--no-mail",
                "--dynamodb-port", "0", "--sqs-port", "0"), template.getParent());
        Path cache = template.resolveSibling("target/local/aot/CrashFunction.aot");

        try (var stack = BundleRuntime.start(options, quiet())) {
            org.junit.jupiter.api.Assumptions.assumeTrue(stack.launcher().aot().enabled(), "needs JDK 25");
            stack.awaitWarm(Duration.ofMinutes(5));
            String zip = "zip " + stack.launcher().taskRoots().sha256(template.resolveSibling("fixture.zip"));
            Path key = cache.resolveSibling("CrashFunction.key");
            // the cache is moved into place first, then its key is written: wait for both
            for (long end = System.nanoTime() + Duration.ofMinutes(8).toNanos();
                    System.nanoTime() < end && !(Files.isRegularFile(cache) && Files.isRegularFile(key)
                            && Files.readString(key).contains(zip)); ) {
                Thread.sleep(500);
            }
            assertThat(cache).isRegularFile();
            assertThat(Files.readString(key)).contains(zip);

            var pool = stack.pools().get("CrashFunction");
            pool.invoke("{\"do\":\"exit\"}".getBytes(StandardCharsets.UTF_8), Trigger.invoke("RequestResponse"));
            var answer = pool.invoke("{}".getBytes(StandardCharsets.UTF_8), Trigger.invoke("RequestResponse"));

            assertThat(answer.payloadText()).isEqualTo("\"alive\"");
            assertThat(answer.cold()).isTrue();
            assertThat(ProcessHandle.current().descendants().map(p -> String.join(" ", p.info().arguments()
                    .orElse(new String[0])))).anyMatch(arguments -> arguments.contains("-XX:AOTCache=" + cache));
            assertThat(stack.recorder().logs("CrashFunction")).noneMatch(line -> line.text().contains("[aot]")
                    || line.text().contains("[cds]"));
        }
    }

    @Test
    void functions_behind_routes_start_first_and_the_others_only_once_those_run() throws Exception {
        Path template = FixtureStack.create();
        var options = Options.parse(List.of("start", "--template", template.toString(), "--port", "0", "--no-mail",
                "--dynamodb-port", "0", "--sqs-port", "0", "--no-aot-cache"), template.getParent());
        var output = new ByteArrayOutputStream();

        try (var stack = BundleRuntime.start(options, new Console(new PrintStream(output, true,
                StandardCharsets.UTF_8), false))) {
            assertThat(stack.awaitWarm(Duration.ofMinutes(5))).isTrue();
        }

        List<String> ready = output.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("instance #1 ready")).toList();
        assertThat(ready).hasSize(6);
        assertThat(ready.getFirst()).as("the routed function is ready first: the others start once it runs")
                .contains("EchoFunction").containsPattern("init \\d+ ms \\(cpu \\d+ ms\\)");
    }

    private static Console quiet() {
        return new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
