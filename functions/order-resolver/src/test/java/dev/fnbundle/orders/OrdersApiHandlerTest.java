package dev.fnbundle.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.testing.ApiEvents;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.template.EventSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

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
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expectedStatus);
        return response.getBody() == null ? null : Json.parse(response.getBody());
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
        APIGatewayV2HTTPResponse first = handler.handleRequest(event, context);
        APIGatewayV2HTTPResponse retry = handler.handleRequest(event, context);
        event.setBody(event.getBody().replace("\"c\": []", "\"c\": [], \"d\": []"));
        APIGatewayV2HTTPResponse reused = handler.handleRequest(event, context);

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

    private JsonNode done(String runId, String nodes, int status) {
        var event = ApiEvents.request("POST /runs/{id}/done", "/runs/" + runId + "/done", "{\"nodes\": " + nodes + "}");
        event.setPathParameters(Map.of("id", runId));
        return call(event, status);
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
