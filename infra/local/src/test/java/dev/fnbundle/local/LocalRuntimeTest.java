package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.local.console.Console;
import dev.fnbundle.local.schedule.ScheduleExpression;
import dev.fnbundle.local.schedule.Scheduler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Drives the local runtime as a client would, over the fixture template: every function runs in its own JVM
 * through the Lambda Runtime Interface Client, against real DynamoDB Local and ElasticMQ.
 */
class LocalRuntimeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static BundleRuntime stack;
    private static Path template;

    @BeforeAll
    static void start() throws Exception {
        template = FixtureStack.create();
        Path root = template.getParent();
        var options = Options.parse(List.of("start", "--template", template.toString(), "--port", "0",
                "--no-mail", "--max-instances", "2", "--dynamodb-port", "0", "--sqs-port", "0",
                "--no-aot-cache"), root);
        stack = BundleRuntime.start(options, new Console(new PrintStream(CONSOLE, true, StandardCharsets.UTF_8),
                false));
        stack.awaitWarm(java.time.Duration.ofMinutes(5));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void health_is_ready_once_every_function_is_warm() throws Exception {
        var response = get("/_local/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("functions").path("EchoFunction").asText()).isEqualTo("ready");
    }

    @Test
    void a_request_without_a_valid_token_gets_401_like_api_gateway() throws Exception {
        assertThat(get("/items/a", null).statusCode()).isEqualTo(401);
        assertThat(get("/items/a", "not.a.token").statusCode()).isEqualTo(401);
        String forged = stack.devToken().substring(0, stack.devToken().lastIndexOf('.') + 1) + "AAAA";
        assertThat(get("/items/a", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void an_authorized_request_reaches_the_handler_which_writes_dynamodb() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/items/r%2F1?x=1&x=2&y=z"))
                .header("Authorization", "Bearer " + stack.devToken()).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":\"world\"}")).build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("x-fixture")).contains("echo");
        assertThat(response.headers().allValues("set-cookie")).contains("seen=1");
        JsonNode body = json(response);
        assertThat(body.path("routeKey").asText()).isEqualTo("POST /items/{id}");
        assertThat(body.path("id").asText()).isEqualTo("r%2F1");
        assertThat(body.path("sub").asText()).isEqualTo("local-dev");
        assertThat(body.path("query").asText()).contains("x=1,2").contains("y=z");
        assertThat(body.path("memory").asInt()).isEqualTo(256);
        var item = stack.aws().dynamoDb().getItem(b -> b.tableName(stack.model().table("FixtureTable").name())
                .key(Map.of("pk", AttributeValue.fromS("echo#r%2F1")))).item();
        assertThat(item.get("text").s()).isEqualTo("{\"hello\":\"world\"}");
    }

    @Test
    void unknown_routes_are_404_and_open_routes_need_no_token() throws Exception {
        var unknown = get("/nowhere", stack.devToken());
        var open = get("/open", null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("message").asText()).isEqualTo("Not Found");
        assertThat(open.statusCode()).isEqualTo(201);
    }

    @Test
    void a_poison_message_ends_in_the_dead_letter_queue_while_the_others_succeed_once() throws Exception {
        var sqs = stack.aws().sqs();
        String queue = stack.model().queue("WorkQueue").url();
        String deadLetters = stack.model().queue("WorkDeadLetterQueue").url();
        List<String> bodies = List.of("m1", "m2", "poison", "m3", "m4", "m5");
        for (String body : bodies) {
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body));
        }

        List<String> dead = new ArrayList<>();
        await(() -> {
            sqs.receiveMessage(b -> b.queueUrl(deadLetters).waitTimeSeconds(1).maxNumberOfMessages(10)).messages()
                    .forEach(m -> dead.add(m.body()));
            return !dead.isEmpty();
        });

        assertThat(dead).as("console:%n%s", CONSOLE.toString(StandardCharsets.UTF_8)).containsExactly("poison");
        for (String body : List.of("m1", "m2", "m3", "m4", "m5")) {
            assertThat(hits("message#" + body)).as(body).isEqualTo(1);
        }
        assertThat(CONSOLE.toString(StandardCharsets.UTF_8)).contains("1 of ", " message(s) left on the queue, the"
                + " function reported them failed; they come back after the ");
    }

    @Test
    void a_schedule_fires_on_demand_with_the_eventbridge_document() throws Exception {
        var fired = send(HttpRequest.newBuilder(uri("/_local/schedules/Nightly/fire"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        var unknown = send(HttpRequest.newBuilder(uri("/_local/schedules/Nope/fire"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(fired.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(404);
        // Keyed by the rule: ticks of the timer test's rule may still be landing.
        String nightly = "tick#[arn:aws:events:us-east-1:000000000000:rule/Nightly]";
        await(() -> text(nightly) != null);
        assertThat(text(nightly)).isEqualTo("Scheduled Event");
    }

    @Test
    void a_schedule_fires_by_itself_when_its_time_comes() throws Exception {
        long before = hits("ticks");
        // Every 300 ms: EventBridge's minimum is a minute, too slow for a test of the timer itself.
        ScheduleExpression everyFewMoments = (start, after) -> Optional.of(after.plus(Duration.ofMillis(300)));
        var rule = new Scheduler.Rule("Fast", stack.pools().get("TickFunction"), everyFewMoments, null, true,
                "every 300 ms");

        try (var scheduler = new Scheduler(List.of(rule), Clock.systemUTC(), "000000000000", "us-east-1")) {
            scheduler.start();
            await(() -> hits("ticks") >= before + 2);
        }
    }

    @Test
    void an_invocation_past_its_timeout_is_killed_reported_and_the_function_recovers() throws Exception {
        var timedOut = invoke("SleepyFunction", "{}");
        var next = invoke("SleepyFunction", "{\"answer\":\"now\"}");

        assertThat(timedOut.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
        assertThat(json(timedOut).path("errorType").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(next.body()).isEqualTo("\"awake\"");
        assertThat(CONSOLE.toString(StandardCharsets.UTF_8)).contains("timeout");
    }

    @Test
    void a_crash_or_an_exception_is_reported_and_never_takes_the_runtime_down() throws Exception {
        var thrown = invoke("CrashFunction", "{\"do\":\"throw\"}");
        var crashed = invoke("CrashFunction", "{\"do\":\"exit\"}");
        var after = invoke("CrashFunction", "{}");

        assertThat(json(thrown).path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json(thrown).path("errorMessage").asText()).isEqualTo("asked to fail");
        assertThat(json(crashed).path("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(after.body()).isEqualTo("\"alive\"");
    }

    @Test
    void concurrent_requests_start_more_instances_up_to_the_limit() throws Exception {
        var calls = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 4; i++) {
            calls.add(HTTP.sendAsync(HttpRequest.newBuilder(uri("/items/c" + i + "?sleep=1500"))
                    .header("Authorization", "Bearer " + stack.devToken()).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (var call : calls) {
            assertThat(call.get().statusCode()).isEqualTo(201);
        }

        String console = CONSOLE.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("EchoFunction               instance #2 ready");
        assertThat(console).doesNotContain("EchoFunction               instance #3 ready");
    }

    @Test
    void every_function_jvm_loads_the_ric_library_unpacked_once_in_the_work_directory() throws Exception {
        // Left to itself each RIC JVM rewrites /tmp/.libaws-lambda-jni.so before loading it, and JVMs starting
        // together then die of SIGBUS in the dynamic loader.
        Path unpacked = template.getParent().resolve("target/local/ric-native").toAbsolutePath();
        String real = unpacked.toRealPath().toString();
        List<ProcessHandle> functions = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(unpacked.toString()))
                .toList();

        assertThat(functions).hasSizeGreaterThanOrEqualTo(stack.model().functions().size());
        for (ProcessHandle function : functions) {
            List<String> mapped = Files.readAllLines(Path.of("/proc", Long.toString(function.pid()), "maps"))
                    .stream().filter(line -> line.contains("libaws-lambda-jni")).toList();
            assertThat(mapped).as("pid %d", function.pid()).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).contains(real));
        }
    }

    @Test
    void the_dev_token_is_written_for_scripts() throws Exception {
        Path file = template.getParent().resolve("target/local/dev-token");

        assertThat(Files.readString(file).trim()).isEqualTo(stack.devToken());
    }

    /** The fixture table's item under {@code key}, or an empty map. */
    private static Map<String, AttributeValue> item(String key) {
        var item = stack.aws().dynamoDb().getItem(b -> b.tableName(stack.model().table("FixtureTable").name())
                .key(Map.of("pk", AttributeValue.fromS(key))).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    private static String text(String key) {
        var text = item(key).get("text");
        return text == null ? null : text.s();
    }

    private static long hits(String key) {
        var hits = item(key).get("hits");
        return hits == null ? 0 : Long.parseLong(hits.n());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s; console:\n"
                        + CONSOLE.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> invoke(String function, String event) throws Exception {
        return send(HttpRequest.newBuilder(uri("/2015-03-31/functions/" + function + "/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + stack.port() + path);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return MAPPER.readTree(response.body());
    }
}
