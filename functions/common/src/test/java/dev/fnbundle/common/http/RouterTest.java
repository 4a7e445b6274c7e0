package dev.fnbundle.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.idempotency.IdempotencyKey;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.problem.Problem;
import dev.fnbundle.common.problem.ProblemException;
import dev.fnbundle.common.testing.ApiEvents;
import dev.fnbundle.common.testing.FakeLambdaContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router router = Router.builder()
            .route("POST /echo", request -> ApiResponse.ok(request.json(64)))
            .route("GET /runs/{id}", request -> ApiResponse.ok(Map.of("id", request.pathParameter("id"))))
            .route("GET /runs/latest", request -> ApiResponse.ok(Map.of("latest", true)))
            .route("DELETE /runs/{id}", request -> {
                throw new ProblemException(Problem.conflict("run " + request.pathParameter("id")
                        + " is still active").retryAfter(Duration.ofSeconds(30)));
            })
            .route("POST /keyed", request -> ApiResponse.ok(Map.of("key", request.idempotencyKey()
                    .map(IdempotencyKey::key).orElse("none"))))
            .route("POST /keyed/{id}", request -> ApiResponse.ok(Map.of("scope", request.idempotencyKey()
                    .map(IdempotencyKey::scope).orElseThrow())))
            .route("POST /created", request -> ApiResponse.created("/things/1", Map.of("id", 1))
                    .header("ETag", "\"1\""))
            .route("GET /page", request -> ApiResponse.ok(Map.of("limit", request.limit(20, 100))))
            .route("GET /boom", request -> {
                throw new IllegalStateException("connection to db-internal.local refused");
            })
            .build();
    private final FakeLambdaContext context = new FakeLambdaContext("test-fn", "req-42");

    @Test
    void dispatches_by_the_route_key_api_gateway_matched() {
        var response = router.handle(ApiEvents.request("POST /echo", "/echo", "{\"b\": 1, \"a\": 2}"), context);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"b\":1,\"a\":2}");
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json")
                .containsEntry("x-request-id", "req-42");
    }

    @Test
    void behind_a_default_route_it_matches_method_and_path_itself_preferring_literal_segments() {
        var byId = router.handle(defaultRoute("GET", "/runs/r%201"), context);
        var latest = router.handle(defaultRoute("GET", "/runs/latest"), context);

        assertThat(body(byId).get("id").asText()).isEqualTo("r 1");
        assertThat(body(latest).get("latest").asBoolean()).isTrue();
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        var response = router.handle(defaultRoute("GET", "/nowhere"), context);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(body(response).get("type").asText()).isEqualTo("urn:fnbundle:problem:route-not-found");
        assertThat(body(response).get("requestId").asText()).isEqualTo("req-42");
    }

    @Test
    void a_known_path_with_another_method_is_a_405_with_allow() {
        var response = router.handle(defaultRoute("PUT", "/runs/r1"), context);

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("allow", "DELETE, GET")
                .containsEntry("content-type", "application/problem+json");
    }

    @Test
    void a_problem_exception_becomes_its_status_with_the_request_path_as_instance() {
        var response = router.handle(ApiEvents.request("DELETE /runs/{id}", "/runs/r1", null), context);

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(body(response).get("instance").asText()).isEqualTo("/runs/r1");
        assertThat(body(response).get("detail").asText()).isEqualTo("run r1 is still active");
        assertThat(response.getHeaders()).as("a problem's headers reach the response")
                .containsEntry("retry-after", "30").containsEntry("x-request-id", "req-42");
    }

    @Test
    void a_response_built_with_headers_reaches_api_gateway_with_all_of_them() {
        var response = router.handle(ApiEvents.request("POST /created", "/created", "{}"), context);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("location", "/things/1").containsEntry("etag", "\"1\"")
                .containsEntry("content-type", "application/json").containsEntry("cache-control", "no-store")
                .containsEntry("x-request-id", "req-42");
    }

    @Test
    void an_idempotency_key_is_scoped_to_the_route_its_path_parameters_and_the_caller() {
        var a = keyed("k", "POST /keyed/{id}", "/keyed/a b");
        a.setPathParameters(Map.of("id", "a b"));
        var b = keyed("k", "POST /keyed/{id}", "/keyed/b");
        b.setPathParameters(Map.of("id", "b"));

        String scopeA = body(router.handle(a, context)).get("scope").asText();
        String scopeB = body(router.handle(b, context)).get("scope").asText();

        assertThat(scopeA).isEqualTo("POST /keyed/{id} id=a+b sub=tester");
        assertThat(scopeB).isEqualTo("POST /keyed/{id} id=b sub=tester");
    }

    @Test
    void an_unexpected_failure_is_a_500_without_internals() {
        var response = router.handle(ApiEvents.request("GET /boom", "/boom", null), context);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("db-internal").doesNotContain("Exception")
                .contains("req-42");
    }

    @Test
    void malformed_json_is_a_400_and_an_oversized_body_a_413() {
        var malformed = router.handle(ApiEvents.request("POST /echo", "/echo", "{\"a\": }"), context);
        var oversized = router.handle(ApiEvents.request("POST /echo", "/echo", "{\"a\": \"" + "x".repeat(100)
                + "\"}"), context);

        assertThat(malformed.getStatusCode()).isEqualTo(400);
        assertThat(body(malformed).get("type").asText()).isEqualTo("urn:fnbundle:problem:malformed-json");
        assertThat(oversized.getStatusCode()).isEqualTo(413);
        assertThat(body(oversized).get("limit").asInt()).isEqualTo(64);
    }

    @Test
    void a_base64_body_is_decoded_before_parsing() {
        var event = ApiEvents.request("POST /echo", "/echo",
                Base64.getEncoder().encodeToString("{\"ok\": true}".getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        var response = router.handle(event, context);

        assertThat(body(response).get("ok").asBoolean()).isTrue();
    }

    @Test
    void a_missing_body_where_one_is_required_is_a_400_naming_the_body() {
        var response = router.handle(ApiEvents.request("POST /echo", "/echo", null), context);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void an_idempotency_key_is_optional_but_must_be_short_and_visible() {
        var none = router.handle(ApiEvents.request("POST /keyed", "/keyed", "{}"), context);
        var uuid = router.handle(keyed("0f8e7c1a-6d52-4b0e-9a8d-1c2b3a4d5e6f"), context);

        assertThat(body(none).get("key").asText()).isEqualTo("none");
        assertThat(body(uuid).get("key").asText()).isEqualTo("0f8e7c1a-6d52-4b0e-9a8d-1c2b3a4d5e6f");
        for (String bad : new String[] {"", " ", "k".repeat(257), "a\u0000b", "tab\tkey"}) {
            var response = router.handle(keyed(bad), context);
            assertThat(response.getStatusCode()).as("key %s", bad).isEqualTo(400);
            assertThat(body(response).get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        }
    }

    @Test
    void a_page_limit_defaults_when_absent_and_is_checked_against_its_range() {
        assertThat(body(router.handle(page(null), context)).get("limit").asInt()).isEqualTo(20);
        assertThat(body(router.handle(page(""), context)).get("limit").asInt()).isEqualTo(20);
        assertThat(body(router.handle(page(" 100 "), context)).get("limit").asInt()).isEqualTo(100);
        for (String bad : new String[] {"0", "101", "-1", "abc", "1.5", "99999999999"}) {
            var response = router.handle(page(bad), context);
            assertThat(response.getStatusCode()).as("limit %s", bad).isEqualTo(400);
            assertThat(body(response).get("errors").get(0).get("detail").asText())
                    .isEqualTo("must be an integer between 1 and 100");
        }
    }

    private static APIGatewayV2HTTPEvent page(String limit) {
        var event = ApiEvents.request("GET /page", "/page", null);
        return limit == null ? event : ApiEvents.withQuery(event, Map.of("limit", limit));
    }

    private static APIGatewayV2HTTPEvent keyed(String key) {
        return keyed(key, "POST /keyed", "/keyed");
    }

    private static APIGatewayV2HTTPEvent keyed(String key, String routeKey, String path) {
        var event = ApiEvents.request(routeKey, path, "{}");
        event.setHeaders(Map.of("idempotency-key", key));
        return event;
    }

    private static APIGatewayV2HTTPEvent defaultRoute(String method, String path) {
        var event = ApiEvents.request(method + " " + path, path, null);
        event.setRouteKey("$default");
        return event;
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        return Json.parse(response.getBody());
    }
}
