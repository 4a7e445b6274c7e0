package dev.fnbundle.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.testing.MutableClock;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.testing.ApiEvents;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.common.testing.OpenApiContract;
import dev.fnbundle.common.testing.StreamEntry;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.orders.aws.DynamoRunStore;
import dev.fnbundle.orders.runs.RunService;
import dev.fnbundle.orders.runs.TaskDispatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP contract of the order-resolver, driven by the sample events in events/order-resolver and wired as in
 * production against DynamoDB Local and ElasticMQ provisioned from template.yaml.
 */
class OrdersApiHandlerTest {
    private static OrdersApiHandler handler;
    private static String taskQueueUrl;
    private final FakeLambdaContext context = new FakeLambdaContext("orders-api");

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        aws.provisionTable("OrdersTable");
        taskQueueUrl = aws.provisionQueue("RunTaskQueue");
        handler = new OrdersApiHandler(OrdersWiring.from(Env.of(aws.functionEnvironment("OrdersApiFunction"))));
    }

    private JsonNode call(APIGatewayV2HTTPEvent event, int expectedStatus) {
        APIGatewayV2HTTPResponse response = OpenApiContract.verified(event, handler.handleRequest(event, context));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expectedStatus);
        return response.getBody() == null ? null : Json.parse(response.getBody());
    }

    /** Lambda invokes the handler with the event's bytes (HttpApiHandler); the answers are the typed method's. */
    @ParameterizedTest
    @ValueSource(strings = {"order-resolver/resolve-seed.json", "order-resolver/resolve-base64.json",
            "order-resolver/resolve-cycle.json", "order-resolver/resolve-malformed.json",
            "order-resolver/resolve-not-an-object.json", "order-resolver/packages-seed.json",
            "order-resolver/packages-conflict.json"})
    void the_stream_entry_point_answers_each_sample_event_as_the_typed_method_does(String event) {
        var answer = StreamEntry.answersAsTyped(handler, event, context);

        assertThat(answer.get("statusCode").asInt()).isBetween(200, 499);
    }

    @ParameterizedTest
    @Event(value = "order-resolver/resolve-seed.json", type = APIGatewayV2HTTPEvent.class)
    void resolve_returns_graphlibs_static_order_and_batches_for_the_seed_example(APIGatewayV2HTTPEvent event) {
        JsonNode body = call(event, 200);

        assertThat(Json.write(body)).isEqualTo("{\"order\":[\"lint\",\"compile\",\"test\",\"build\"],"
                + "\"batches\":[[\"lint\"],[\"compile\"],[\"test\"],[\"build\"]],\"nodeCount\":4}");
    }

    @ParameterizedTest
    @Event(value = "order-resolver/resolve-pipeline.json", type = APIGatewayV2HTTPEvent.class)
    void resolve_groups_independent_nodes_into_parallel_batches(APIGatewayV2HTTPEvent event) {
        JsonNode body = call(event, 200);

        assertThat(Json.write(body.get("batches")))
                .isEqualTo("[[\"setup\"],[\"compile\",\"lint\"],[\"test\",\"build\"],[\"deploy\"]]");
    }

    @ParameterizedTest
    @Event(value = "order-resolver/resolve-cycle.json", type = APIGatewayV2HTTPEvent.class)
    void a_cycle_is_a_422_with_pythons_cycle_and_every_cyclic_component(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 422);

        assertThat(problem.get("type").asText()).isEqualTo("urn:fnbundle:problem:cycle");
        assertThat(Json.write(problem.get("cycle"))).isEqualTo("[\"A\",\"C\",\"B\",\"A\"]");
        assertThat(Json.write(problem.get("cycles"))).isEqualTo("[[\"A\",\"B\",\"C\"],[\"D\",\"E\"]]");
    }

    @ParameterizedTest
    @Event(value = "order-resolver/resolve-self-dependency.json", type = APIGatewayV2HTTPEvent.class)
    void a_self_dependency_is_a_cycle_of_one(APIGatewayV2HTTPEvent event) {
        assertThat(Json.write(call(event, 422).get("cycle"))).isEqualTo("[\"a\",\"a\"]");
    }

    @ParameterizedTest
    @Event(value = "order-resolver/resolve-strict-unknown.json", type = APIGatewayV2HTTPEvent.class)
    void strict_mode_lists_every_unknown_dependency_and_who_needs_it(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 422);

        assertThat(Json.write(problem.get("unknown"))).isEqualTo("[{\"dependency\":\"sqlalchemy\","
                + "\"requiredBy\":[\"myapp\"]},{\"dependency\":\"urllib3\",\"requiredBy\":[\"requests\"]}]");
    }

    @ParameterizedTest
    @Event(value = "order-resolver/resolve-invalid-values.json", type = APIGatewayV2HTTPEvent.class)
    void invalid_values_are_a_400_naming_each_field(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 400);

        var fields = new ArrayList<String>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("graph.a", "graph.c[0]", "graph.c[1]");
        assertThat(fields).anyMatch(f -> f.startsWith("graph["));
    }

    @ParameterizedTest
    @Event(value = "order-resolver/resolve-not-an-object.json", type = APIGatewayV2HTTPEvent.class)
    void a_graph_that_is_not_an_object_is_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 400).get("errors").get(0).get("field").asText()).isEqualTo("graph");
    }

    @ParameterizedTest
    @Event(value = "order-resolver/resolve-malformed.json", type = APIGatewayV2HTTPEvent.class)
    void malformed_json_is_a_400_with_its_position(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 400);

        assertThat(problem.get("type").asText()).isEqualTo("urn:fnbundle:problem:malformed-json");
        assertThat(problem.get("line").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @Event(value = "order-resolver/resolve-base64.json", type = APIGatewayV2HTTPEvent.class)
    void a_base64_encoded_body_is_decoded(APIGatewayV2HTTPEvent event) {
        assertThat(Json.write(call(event, 200).get("order"))).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void a_graph_over_the_node_limit_is_a_413() {
        var graph = new StringBuilder("{\"graph\": {");
        for (int i = 0; i <= 100_000; i++) {
            graph.append(i == 0 ? "" : ",").append("\"n").append(i).append("\":[]");
        }
        graph.append("}}");

        JsonNode problem = call(ApiEvents.request("POST /orders/resolve", "/orders/resolve", graph.toString()), 413);

        assertThat(problem.get("limit").asInt()).isEqualTo(100_000);
    }

    @ParameterizedTest
    @Event(value = "order-resolver/packages-seed.json", type = APIGatewayV2HTTPEvent.class)
    void packages_resolve_to_the_seeds_install_order_with_versions(APIGatewayV2HTTPEvent event) {
        JsonNode body = call(event, 200);

        var order = new ArrayList<String>();
        body.get("installOrder").forEach(p -> order.add(p.get("name").asText() + "@" + p.get("version").asText()));
        assertThat(order).containsExactly("urllib3@2.0.7", "certifi@2024.2", "greenlet@3.0.0", "requests@2.31.0",
                "sqlalchemy@2.0.0", "myapp@1.0.0");
    }

    @ParameterizedTest
    @Event(value = "order-resolver/packages-versions.json", type = APIGatewayV2HTTPEvent.class)
    void one_version_per_package_satisfies_every_constraint(APIGatewayV2HTTPEvent event) {
        JsonNode body = call(event, 200);

        var chosen = new ArrayList<String>();
        body.get("installOrder").forEach(p -> chosen.add(p.get("name").asText() + "@" + p.get("version").asText()));
        assertThat(chosen).containsExactly("urllib3@1.26.18", "requests@2.31.0", "myapp@1.0.0");
    }

    @ParameterizedTest
    @Event(value = "order-resolver/packages-conflict.json", type = APIGatewayV2HTTPEvent.class)
    void a_version_conflict_is_explained_as_a_chain(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 422);

        assertThat(problem.get("type").asText()).isEqualTo("urn:fnbundle:problem:version-conflict");
        assertThat(problem.get("detail").asText()).contains("core").contains("web").contains("cli");
        assertThat(problem.get("constraints").size()).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @Event(value = "order-resolver/packages-unknown.json", type = APIGatewayV2HTTPEvent.class)
    void unknown_packages_are_a_422_naming_package_and_dependency(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 422);

        var missing = new ArrayList<String>();
        problem.get("missing").forEach(m -> missing.add(m.get("requiredBy").asText() + "->"
                + m.get("dependency").asText()));
        assertThat(missing).containsExactly("myapp->requests", "myapp->flask");
    }

    @ParameterizedTest
    @Event(value = "order-resolver/runs-start.json", type = APIGatewayV2HTTPEvent.class)
    void a_run_starts_with_its_first_wave_and_completes_wave_by_wave(APIGatewayV2HTTPEvent event) {
        JsonNode started = call(event, 201);
        String runId = started.get("runId").asText();

        JsonNode first = done(runId, "[\"setup\"]", 200);
        JsonNode second = done(runId, "[\"lint\", \"compile\"]", 200);
        JsonNode status = call(get(runId), 200);

        assertThat(Json.write(started.get("ready"))).isEqualTo("[\"setup\"]");
        assertThat(Json.write(first.get("ready"))).isEqualTo("[\"compile\",\"lint\"]");
        assertThat(Json.write(second.get("ready"))).isEqualTo("[\"build\",\"test\"]");
        assertThat(status.get("isActive").asBoolean()).isTrue();
        assertThat(status.get("doneCount").asInt()).isEqualTo(3);
        assertThat(status.get("nodes").get(0).get("status").asText()).isEqualTo("PENDING");
    }

    @ParameterizedTest
    @Event(value = "order-resolver/runs-start.json", type = APIGatewayV2HTTPEvent.class)
    void marking_a_node_that_was_never_ready_is_a_409_and_unknown_nodes_a_422(APIGatewayV2HTTPEvent event) {
        String runId = call(event, 201).get("runId").asText();

        JsonNode pending = done(runId, "[\"deploy\"]", 409);
        done(runId, "[\"setup\"]", 200);
        JsonNode again = done(runId, "[\"setup\"]", 409);
        JsonNode unknown = done(runId, "[\"nope\"]", 422);

        assertThat(Json.write(pending.get("rejected"))).isEqualTo("[{\"node\":\"deploy\",\"status\":\"PENDING\"}]");
        assertThat(again.get("rejected").get(0).get("status").asText()).isEqualTo("DONE");
        assertThat(Json.write(unknown.get("nodes"))).isEqualTo("[\"nope\"]");
    }

    @ParameterizedTest
    @Event(value = "order-resolver/runs-start-manual.json", type = APIGatewayV2HTTPEvent.class)
    void an_idempotency_key_replays_the_first_run_instead_of_starting_another(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse first = OpenApiContract.verified(event, handler.handleRequest(event, context));
        APIGatewayV2HTTPResponse retry = OpenApiContract.verified(event, handler.handleRequest(event, context));
        event.setBody(event.getBody().replace("\"c\": []", "\"c\": [], \"d\": []"));
        APIGatewayV2HTTPResponse reused = OpenApiContract.verified(event, handler.handleRequest(event, context));

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(reused.getStatusCode()).isEqualTo(422);
    }

    @ParameterizedTest
    @Event(value = "order-resolver/runs-get.json", type = APIGatewayV2HTTPEvent.class)
    void an_unknown_run_is_a_404(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 404).get("detail").asText()).startsWith("no run ");
    }

    @Test
    void a_run_id_that_cannot_be_one_is_a_404_without_a_lookup() {
        String tooLong = "r".repeat(3000);

        assertThat(call(get(tooLong), 404).get("detail").asText()).startsWith("no run ");
        assertThat(call(get("not an id!"), 404)).isNotNull();
        assertThat(done(tooLong, "[\"a\"]", 404)).isNotNull();
    }

    @ParameterizedTest
    @Event(value = "order-resolver/runs-start-manual.json", type = APIGatewayV2HTTPEvent.class)
    void an_idempotency_key_too_long_to_store_is_a_400_naming_the_header(APIGatewayV2HTTPEvent event) {
        event.setHeaders(Map.of("content-type", "application/json", "idempotency-key", "k".repeat(5000)));

        JsonNode problem = call(event, 400);

        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void node_names_with_characters_sqs_refuses_are_dispatched_as_they_are() {
        var event = ApiEvents.request("POST /runs", "/runs", "{\"graph\": {\"b\uFFFF\": [\"a\\ud800\"]}}");

        JsonNode run = call(event, 201);

        assertThat(texts(run.get("ready"))).containsExactly("a\ud800");
        assertThat(dispatchedNodes(run.get("runId").asText(), 1)).containsExactly("a\ud800");
    }

    @Test
    void the_handler_answers_exactly_the_routes_the_template_gives_it() {
        var templateRoutes = LocalAws.shared().model().functions().get("OrdersApiFunction")
                .events(EventSpec.HttpApiRoute.class).stream().map(EventSpec.HttpApiRoute::routeKey).sorted().toList();

        assertThat(handler.router().routeKeys()).isEqualTo(templateRoutes);
    }

    @Test
    void a_second_start_with_the_same_key_while_the_first_is_still_running_is_a_409_with_retry_after()
            throws Exception {
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        TaskDispatcher slow = (runId, nodes, autoComplete) -> {
            entered.countDown();
            awaitQuietly(release);
        };
        var slowHandler = handlerWith(slow, Clock.systemUTC());
        var body = "{\"graph\": {\"b\": [\"a\"], \"a\": []}, \"autoComplete\": false}";
        String key = UUID.randomUUID().toString();

        APIGatewayV2HTTPResponse second;
        Future<APIGatewayV2HTTPResponse> first;
        try (var pool = Executors.newSingleThreadExecutor()) {
            first = pool.submit(() -> slowHandler.handleRequest(keyedStart(body, key), context));
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            second = slowHandler.handleRequest(keyedStart(body, key), context);
            release.countDown();
        }
        var retried = slowHandler.handleRequest(keyedStart(body, key), context);

        assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(409);
        assertThat(Json.parse(second.getBody()).get("type").asText())
                .isEqualTo("urn:fnbundle:problem:request-in-progress");
        assertThat(second.getHeaders()).containsKey("retry-after");
        assertThat(Integer.parseInt(second.getHeaders().get("retry-after"))).isBetween(1, 120);
        assertThat(first.get().getStatusCode()).isEqualTo(201);
        assertThat(retried.getStatusCode()).isEqualTo(201);
        assertThat(retried.getBody()).isEqualTo(first.get().getBody());
    }

    @Test
    void a_done_retried_while_a_crashed_callers_dispatch_lease_holds_is_a_409_with_retry_after_then_settles() {
        var clock = new MutableClock(Instant.now());
        var queueDown = new AtomicBoolean(false);
        TaskDispatcher flaky = (runId, nodes, autoComplete) -> {
            if (queueDown.get()) {
                throw new IllegalStateException("queue unavailable");
            }
        };
        var flakyHandler = handlerWith(flaky, clock);
        var started = Json.parse(flakyHandler.handleRequest(ApiEvents.request("POST /runs", "/runs",
                "{\"graph\": {\"b\": [\"a\"], \"a\": []}, \"autoComplete\": false}"), context).getBody());
        String runId = started.get("runId").asText();

        // The first completion makes b READY under a dispatch lease, then fails to send its task.
        queueDown.set(true);
        var crashed = flakyHandler.handleRequest(doneEvent(runId, "[\"a\"]"), context);
        queueDown.set(false);
        var retried = flakyHandler.handleRequest(doneEvent(runId, "[\"a\"]"), context);
        clock.advance(Duration.ofMinutes(2));
        var settled = flakyHandler.handleRequest(doneEvent(runId, "[\"a\"]"), context);

        assertThat(crashed.getStatusCode()).isEqualTo(500);
        assertThat(retried.getStatusCode()).as("not 200 with nothing ready: " + retried.getBody()).isEqualTo(409);
        assertThat(Json.parse(retried.getBody()).get("type").asText())
                .isEqualTo("urn:fnbundle:problem:dispatch-in-progress");
        assertThat(Integer.parseInt(retried.getHeaders().get("retry-after"))).isBetween(1, 60);
        assertThat(settled.getStatusCode()).as(settled.getBody()).isEqualTo(200);
        assertThat(texts(Json.parse(settled.getBody()).get("ready"))).containsExactly("b");
        var status = Json.parse(flakyHandler.handleRequest(get(runId), context).getBody());
        var b = new ArrayList<JsonNode>();
        status.get("nodes").forEach(node -> {
            if (node.get("node").asText().equals("b")) {
                b.add(node);
            }
        });
        assertThat(b).singleElement().satisfies(node -> assertThat(node.get("dispatchCount").asInt()).isEqualTo(1));
    }

    /** This function's production wiring, with the task queue and the run clock replaced. */
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handlerWith(
            TaskDispatcher dispatcher, Clock clock) {
        var aws = LocalAws.shared();
        var production = OrdersWiring.from(Env.of(aws.functionEnvironment("OrdersApiFunction")));
        var store = new DynamoRunStore(aws.dynamoDb(), aws.provisionTable("OrdersTable"), Duration.ofDays(1),
                Duration.ofSeconds(60));
        var runs = new RunService(store, dispatcher, () -> UUID.randomUUID().toString(), clock, 10_000);
        return OpenApiContract.checked(new OrdersApiHandler(new OrdersWiring(production.graphs(),
                production.resolver(), production.packages(), runs, production.idempotency())));
    }

    private static APIGatewayV2HTTPEvent keyedStart(String body, String key) {
        var event = ApiEvents.request("POST /runs", "/runs", body);
        event.setHeaders(Map.of("content-type", "application/json", "idempotency-key", key));
        return event;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static APIGatewayV2HTTPEvent doneEvent(String runId, String nodes) {
        var event = ApiEvents.request("POST /runs/{id}/done", "/runs/" + runId + "/done", "{\"nodes\": " + nodes + "}");
        event.setPathParameters(Map.of("id", runId));
        return event;
    }

    private JsonNode done(String runId, String nodes, int status) {
        return call(doneEvent(runId, nodes), status);
    }

    /** The nodes of the run's task messages on the queue, waiting for up to {@code expected} of them. */
    private static List<String> dispatchedNodes(String runId, int expected) {
        var nodes = new ArrayList<String>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (nodes.size() < expected && System.nanoTime() < deadline) {
            for (var message : LocalAws.shared().sqs().receiveMessage(b -> b.queueUrl(taskQueueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                JsonNode task = Json.parse(message.body());
                if (task.get("runId").asText().equals(runId)) {
                    nodes.add(task.get("node").asText());
                }
            }
        }
        return nodes;
    }

    private static APIGatewayV2HTTPEvent get(String runId) {
        var event = ApiEvents.request("GET /runs/{id}", "/runs/" + runId, null);
        event.setPathParameters(Map.of("id", runId));
        return event;
    }

    static List<String> texts(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
