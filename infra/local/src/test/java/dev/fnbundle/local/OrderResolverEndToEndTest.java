package dev.fnbundle.local;

import static dev.fnbundle.local.BundleStack.await;
import static dev.fnbundle.local.BundleStack.call;
import static dev.fnbundle.local.BundleStack.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The order-resolver through the local runtime: HTTP API, JWT, DynamoDB, the task queue and its worker. */
class OrderResolverEndToEndTest {
    @Test
    void resolve_answers_through_the_authorizer_and_refuses_without_a_token() {
        String graph = "{\"graph\": {\"build\": [\"test\"], \"test\": [\"lint\", \"compile\"], \"lint\": [],"
                + " \"compile\": [\"lint\"]}}";

        var resolved = call("POST", "/orders/resolve", graph);
        var anonymous = call("POST", "/orders/resolve", graph, null);

        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(json(resolved).get("order").toString()).isEqualTo("[\"lint\",\"compile\",\"test\",\"build\"]");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void a_durable_run_completes_end_to_end_through_the_queue_worker() {
        var started = call("POST", "/runs", "{\"graph\": {\"deploy\": [\"build\", \"test\"], \"build\": [\"lint\","
                + " \"compile\"], \"test\": [\"compile\"], \"compile\": [\"setup\"], \"lint\": [\"setup\"],"
                + " \"setup\": []}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String runId = json(started).get("runId").asText();

        await("the run to finish", () -> !json(call("GET", "/runs/" + runId, null)).get("isActive").asBoolean());

        JsonNode run = json(call("GET", "/runs/" + runId, null));
        assertThat(run.get("doneCount").asInt()).isEqualTo(6);
        run.get("nodes").forEach(node -> assertThat(node.get("dispatchCount").asInt()).as(node.toString())
                .isEqualTo(1));
    }

    @Test
    void concurrent_completions_dispatch_the_joining_node_exactly_once() {
        var parts = List.of("a", "b", "c", "d", "e", "f");
        var graph = new StringBuilder("{\"autoComplete\": false, \"graph\": {\"join\": [");
        graph.append(String.join(",", parts.stream().map(p -> "\"" + p + "\"").toList())).append("]");
        parts.forEach(p -> graph.append(", \"").append(p).append("\": []"));
        graph.append("}}");
        String runId = json(call("POST", "/runs", graph.toString())).get("runId").asText();

        var completions = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (String part : parts) {
            completions.add(CompletableFuture.supplyAsync(() -> call("POST", "/runs/" + runId + "/done",
                    "{\"nodes\": [\"" + part + "\"]}")));
        }
        var dispatchedJoin = new ArrayList<String>();
        for (var completion : completions) {
            var response = completion.join();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            json(response).get("ready").forEach(node -> dispatchedJoin.add(node.asText()));
        }

        JsonNode run = json(call("GET", "/runs/" + runId, null));
        assertThat(dispatchedJoin).containsExactly("join");
        assertThat(run.get("nodes").get(0).get("status").asText()).isEqualTo("READY");
        assertThat(run.get("nodes").get(0).get("dispatchCount").asInt()).isEqualTo(1);
        assertThat(call("POST", "/runs/" + runId + "/done", "{\"nodes\": [\"a\"]}").statusCode()).isEqualTo(409);
    }

    @Test
    void an_unknown_route_is_a_problem_json_404_from_the_default_route() {
        var response = call("GET", "/no/such/route", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(json(response).get("requestId").asText()).isNotBlank();
    }
}
