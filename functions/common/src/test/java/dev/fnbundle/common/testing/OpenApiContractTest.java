package dev.fnbundle.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check fails for each way an answer can depart from the document, and passes a faithful one. */
class OpenApiContractTest {
    private static final OpenApiDocument DOCUMENT = OpenApiDocument.parse("""
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /things/{id}:
                get:
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      headers:
                        ETag:
                          required: true
                          schema: {type: string, pattern: '^"[0-9]+"$'}
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Thing'}
                    '204': {description: gone}
                    '4XX':
                      description: problem
                      content:
                        application/problem+json:
                          schema: {$ref: '#/components/schemas/Problem'}
                    '503':
                      description: busy
                      headers:
                        Retry-After: {schema: {type: integer, minimum: 1}}
                      content:
                        text/plain:
                          schema: {type: string}
            components:
              responses:
                RouteNotFound:
                  description: $default
                  content:
                    application/problem+json:
                      schema: {$ref: '#/components/schemas/Problem'}
              schemas:
                Thing:
                  type: object
                  required: [id, at]
                  additionalProperties: false
                  properties:
                    id: {type: string}
                    at: {type: string, format: date-time}
                Problem:
                  type: object
                  required: [type, status]
                  properties:
                    type: {type: string}
                    status: {type: integer}
            """);
    private static final Map<String, String> JSON = Map.of("content-type", "application/json", "etag", "\"1\"");
    private final OpenApiContract contract = new OpenApiContract(DOCUMENT);

    @Test
    void a_documented_answer_keeps_the_contract() {
        assertThat(contract.violations("GET /things/{id}", "GET", "/things/a", 200, JSON,
                "{\"id\":\"a\",\"at\":\"2026-01-01T00:00:00.123Z\"}")).isEmpty();
        assertThat(contract.violations("GET /things/{id}", "GET", "/things/a", 204, Map.of(), null)).isEmpty();
        assertThat(contract.violations("GET /things/{id}", "GET", "/things/a", 409,
                Map.of("Content-Type", "application/problem+json"), "{\"type\":\"x\",\"status\":409}")).isEmpty();
    }

    @Test
    void an_undocumented_status_breaks_it() {
        assertThat(contract.violations("GET /things/{id}", "GET", "/things/a", 502, JSON, "{}"))
                .singleElement().asString().contains("status 502 is not documented for GET /things/{id}");
    }

    @Test
    void a_body_that_does_not_match_the_schema_breaks_it() {
        assertThat(contract.violations("GET /things/{id}", "GET", "/things/a", 200, JSON,
                "{\"id\":\"a\",\"at\":\"yesterday\",\"extra\":1}")).hasSize(2)
                .anyMatch(v -> v.contains("/at: does not match the date-time pattern"))
                .anyMatch(v -> v.contains("extra"));
    }

    @Test
    void another_content_type_breaks_it() {
        assertThat(contract.violations("GET /things/{id}", "GET", "/things/a", 200,
                Map.of("content-type", "text/html; charset=utf-8", "etag", "\"1\""), "<p>")).singleElement()
                .asString().contains("content-type text/html is not one of [application/json]");
    }

    @Test
    void a_missing_required_header_and_an_undocumented_one_break_it() {
        assertThat(contract.violations("GET /things/{id}", "GET", "/things/a", 200,
                Map.of("content-type", "application/json", "x-secret", "1"),
                "{\"id\":\"a\",\"at\":\"2026-01-01T00:00:00Z\"}"))
                .anyMatch(v -> v.contains("required header ETag is missing"))
                .anyMatch(v -> v.contains("header x-secret is sent but not documented"));
    }

    @Test
    void a_header_value_outside_its_schema_breaks_it() {
        assertThat(contract.violations("GET /things/{id}", "GET", "/things/a", 503,
                Map.of("content-type", "text/plain; charset=utf-8", "retry-after", "0"), "busy"))
                .singleElement().asString().contains("header Retry-After");
    }

    @Test
    void a_body_where_the_document_has_none_breaks_it() {
        assertThat(contract.violations("GET /things/{id}", "GET", "/things/a", 204, Map.of(), "{}"))
                .singleElement().asString().contains("documents no body");
    }

    @Test
    void an_event_without_a_route_key_is_matched_by_its_path() {
        assertThat(contract.violations(null, "GET", "/things/b", 204, Map.of(), null)).isEmpty();
    }

    @Test
    void an_unmatched_request_must_get_the_default_routes_404() {
        var problem = Map.of("content-type", "application/problem+json");
        assertThat(contract.violations("$default", "GET", "/nothing", 404, problem,
                "{\"type\":\"urn:x\",\"status\":404}")).isEmpty();
        assertThat(contract.violations("$default", "GET", "/nothing", 200, problem, "{}")).singleElement()
                .asString().contains("only 404 fits");
    }
}
