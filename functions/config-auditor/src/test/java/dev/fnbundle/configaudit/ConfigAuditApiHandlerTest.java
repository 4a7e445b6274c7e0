package dev.fnbundle.configaudit;

import static dev.fnbundle.configaudit.Events.forAudit;
import static dev.fnbundle.configaudit.Events.forBaseline;
import static dev.fnbundle.configaudit.Events.uniqueName;
import static dev.fnbundle.configaudit.Events.withHeader;
import static dev.fnbundle.common.testing.ProblemBodies.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.crypto.Digests;
import dev.fnbundle.common.idempotency.IdempotencyKey;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.page.DynamoPageKeyStore;
import dev.fnbundle.common.testing.ApiEvents;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.common.testing.OpenApiContract;
import dev.fnbundle.common.testing.PageTokenForgery;
import dev.fnbundle.configaudit.api.ResponseBudget;
import dev.fnbundle.configaudit.api.ResponseBudgetSize;
import dev.fnbundle.embedded.LocalAws;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The HTTP contract of the config auditor, driven by the sample events in events/config-auditor and wired as in
 * production against DynamoDB Local provisioned from template.yaml.
 */
class ConfigAuditApiHandlerTest {
    private static final String SEED_DIFF = "--- baseline/web-frontend.prod\n+++ current/web-frontend.prod\n"
            + "@@ -1,5 +1,5 @@\n [server]\n host = 0.0.0.0\n-port = 8080\n+port = 9090\n workers = 4\n timeout = 30\n"
            + "@@ -8,3 +8,4 @@\n host = db.internal\n port = 5432\n-pool_size = 10\n+pool_size = 20\n"
            + "+max_overflow = 5\n";
    private static ConfigAuditApiHandler handler;
    private static String table;
    private final FakeLambdaContext context = new FakeLambdaContext("config-audit-api");

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        table = aws.provisionTable("ConfigAuditTable");
        handler = new ConfigAuditApiHandler(ConfigAuditWiring.from(Env.of(aws.functionEnvironment(
                "ConfigAuditApiFunction"))), new ResponseBudget(ResponseBudget.DEFAULT_BYTES));
    }

    private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event, int expectedStatus) {
        APIGatewayV2HTTPResponse response = OpenApiContract.verified(event, handler.handleRequest(event, context));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expectedStatus);
        return response;
    }

    private JsonNode call(APIGatewayV2HTTPEvent event, int expectedStatus) {
        var response = send(event, expectedStatus);
        return response.getBody() == null ? null : Json.parse(response.getBody());
    }

    private static APIGatewayV2HTTPEvent event(String file) {
        return EventLoader.loadEvent("config-auditor/" + file, APIGatewayV2HTTPEvent.class);
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-seed.json", type = APIGatewayV2HTTPEvent.class)
    void an_audit_is_created_with_pythons_figures_and_can_be_read_back(APIGatewayV2HTTPEvent event) {
        // when
        var response = send(event, 201);
        JsonNode audit = Json.parse(response.getBody());
        String id = audit.get("id").asText();
        // then
        assertThat(response.getHeaders().get("location")).isEqualTo("/audits/" + id);
        assertThat(audit.get("similarity").asDouble()).isEqualTo(0.7619047619047619);
        assertThat(audit.get("hasDrift").asBoolean()).isTrue();
        assertThat(audit.get("severity").asText()).isEqualTo("critical");
        assertThat(audit.get("format").asText()).isEqualTo("ini");
        assertThat(audit.get("summary").asText()).isEqualTo("Config drift detected (similarity: 76.2%)\n"
                + "  Added lines:   3\n  Removed lines: 2");
        assertThat(Json.write(audit.get("changedSections"))).isEqualTo("[\"port = 8080\",\"pool_size = 10\"]");
        assertThat(Json.write(audit.get("addedLines")))
                .isEqualTo("[\"port = 9090\\n\",\"pool_size = 20\\n\",\"max_overflow = 5\\n\"]");
        assertThat(Json.write(audit.get("keyDrift").get("changedKeys"))).isEqualTo("[{\"key\":\"database.pool_size\","
                + "\"old\":\"10\",\"new\":\"20\"},{\"key\":\"server.port\",\"old\":\"8080\",\"new\":\"9090\"}]");
        assertThat(audit.get("keyDrift").get("criticalKeys").toString())
                .isEqualTo("[\"database.max_overflow\",\"database.pool_size\"]");
        assertThat(audit.get("unifiedDiff").asText()).isEqualTo(SEED_DIFF);
        assertThat(audit.get("source").asText()).isEqualTo("api");
        assertThat(audit.get("truncated").asBoolean()).isFalse();
        assertThat(call(forAudit(event("audit-get.json"), id), 200)).isEqualTo(audit);
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-secrets.json", type = APIGatewayV2HTTPEvent.class)
    void secrets_are_masked_in_responses_diffs_and_the_stored_item(APIGatewayV2HTTPEvent event) throws IOException {
        // when
        String created = send(event, 201).getBody();
        String id = Json.parse(created).get("id").asText();
        String html = send(forAudit(event("audit-diff-html.json"), id), 200).getBody();
        String plain = send(forAudit(event("audit-diff-plain.json"), id), 200).getBody();
        var item = LocalAws.shared().dynamoDb().getItem(b -> b.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("AUDIT#" + id), "sk", AttributeValue.fromS("REPORT")))).item();
        String stored = gunzip(item.get("blob").b().asByteArray());
        // then
        for (String text : List.of(created, html, plain, stored)) {
            assertThat(text).doesNotContain("hunter2").doesNotContain("correct-horse").doesNotContain("tok-111")
                    .doesNotContain("tok-222");
        }
        JsonNode audit = Json.parse(created);
        assertThat(audit.get("similarity").asDouble()).isEqualTo(0.5);
        assertThat(plain).contains("-db.password=******\n").contains("+db.password=******\n");
        assertThat(audit.get("keyDrift").get("criticalKeys").toString()).isEqualTo("[\"db.password\"]");
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-identical.json", type = APIGatewayV2HTTPEvent.class)
    void identical_configs_have_no_drift(APIGatewayV2HTTPEvent event) {
        JsonNode audit = call(event, 201);

        assertThat(audit.get("hasDrift").asBoolean()).isFalse();
        assertThat(audit.get("severity").asText()).isEqualTo("none");
        assertThat(audit.get("similarity").asDouble()).isEqualTo(1.0);
        assertThat(audit.get("unifiedDiff").asText()).isEmpty();
        assertThat(audit.get("summary").asText()).isEqualTo("No drift detected. Config matches template.");
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-idempotent.json", type = APIGatewayV2HTTPEvent.class)
    void a_retried_request_with_an_idempotency_key_returns_the_first_audit(APIGatewayV2HTTPEvent event) {
        // given: a key of our own, so that re-runs of this test in one JVM do not share it
        String key = uniqueName("retry");
        // when
        var first = send(withHeader(event, "idempotency-key", key), 201);
        var second = send(withHeader(event("audit-idempotent.json"), "idempotency-key", key), 201);
        var other = event("audit-idempotent.json");
        other.setBody(other.getBody().replace("b=3", "b=4"));
        JsonNode reused = call(withHeader(other, "idempotency-key", key), 422);
        // then
        assertThat(Json.parse(second.getBody()).get("id")).isEqualTo(Json.parse(first.getBody()).get("id"));
        assertThat(second.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(first.getHeaders()).doesNotContainKey("idempotent-replayed");
        assertThat(reused.get("type").asText()).isEqualTo("urn:fnbundle:problem:idempotency-key-reused");
    }

    @Test
    void the_same_key_and_body_sent_to_two_baselines_audits_each_baseline() {
        // given: two baselines with different content, and one key and one body for both audits
        String a = uniqueName("scope-a");
        String b = uniqueName("scope-b");
        send(forBaseline(event("baseline-put.json"), a), 201);
        var putB = forBaseline(event("baseline-put.json"), b);
        putB.setBody(Json.write(Map.of("content", "[server]\nport = 7070\n", "format", "ini")));
        send(putB, 201);
        String key = uniqueName("shared-key");
        // when
        JsonNode auditA = call(withHeader(forBaseline(event("baseline-audit.json"), a), "idempotency-key", key), 201);
        var responseB = send(withHeader(forBaseline(event("baseline-audit.json"), b), "idempotency-key", key), 201);
        JsonNode auditB = Json.parse(responseB.getBody());
        // then: B's answer is B's own audit, not A's replayed
        assertThat(auditB.get("id").asText()).isNotEqualTo(auditA.get("id").asText());
        assertThat(auditB.get("links").get("history").asText()).isEqualTo("/baselines/" + b + "/audits");
        assertThat(responseB.getHeaders()).doesNotContainKey("idempotent-replayed");
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-idempotent.json", type = APIGatewayV2HTTPEvent.class)
    void a_retry_while_the_first_request_is_still_running_is_a_409_with_retry_after(APIGatewayV2HTTPEvent event)
            throws Exception {
        // given: the first request with this key holds its claim (it is still auditing)
        String key = uniqueName("running");
        var wiring = ConfigAuditWiring.from(Env.of(LocalAws.shared().functionEnvironment("ConfigAuditApiFunction")));
        var running = new ConfigAuditApiHandler(wiring, new ResponseBudget(ResponseBudget.DEFAULT_BYTES));
        var claim = new IdempotencyKey("POST /audits sub=" + event.getRequestContext().getAuthorizer().getJwt()
                .getClaims().get("sub"), key);
        var retry = new APIGatewayV2HTTPResponse[1];
        // when: the retry arrives while the first attempt runs
        wiring.idempotent().run(claim, Digests.sha256Hex(event.getBody()), () -> {
            retry[0] = OpenApiContract.checked(running)
                    .handleRequest(withHeader(event("audit-idempotent.json"), "idempotency-key", key),
                    context);
            return Optional.empty();
        });
        // then
        assertThat(retry[0].getStatusCode()).as(retry[0].getBody()).isEqualTo(409);
        assertThat(Json.parse(retry[0].getBody()).get("type").asText())
                .isEqualTo("urn:fnbundle:problem:request-in-progress");
        assertThat(Integer.parseInt(retry[0].getHeaders().get("retry-after"))).isBetween(1, 600);
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-invalid-values.json", type = APIGatewayV2HTTPEvent.class)
    void invalid_values_are_one_400_naming_every_field(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 400);

        assertThat(fields(problem)).containsExactly("name", "current", "format", "context", "criticalKeys[1]");
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-wrong-types.json", type = APIGatewayV2HTTPEvent.class)
    void wrong_types_are_a_400_naming_each_field(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 400);

        assertThat(fields(problem)).containsExactly("name", "baseline", "criticalKeys", "context", "autojunk");
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-parse-error.json", type = APIGatewayV2HTTPEvent.class)
    void a_config_that_does_not_parse_is_a_422_naming_line_and_column(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 422);

        assertThat(problem.get("type").asText()).isEqualTo("urn:fnbundle:problem:config-parse-error");
        assertThat(problem.get("document").asText()).isEqualTo("current");
        assertThat(problem.get("format").asText()).isEqualTo("yaml");
        assertThat(problem.get("line").asInt()).isEqualTo(4);
        assertThat(problem.get("column").asInt()).isPositive();
        assertThat(problem.toString()).doesNotContain("unclosed");
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-not-text.json", type = APIGatewayV2HTTPEvent.class)
    void a_config_with_control_characters_is_a_413(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 413);

        assertThat(problem.get("field").asText()).isEqualTo("current");
        assertThat(problem.get("reason").asText()).isEqualTo("not-text");
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-binary-body.json", type = APIGatewayV2HTTPEvent.class)
    void a_binary_body_is_a_413(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 413);

        assertThat(problem.get("field").asText()).isEqualTo("body");
        assertThat(problem.get("reason").asText()).isEqualTo("not-text");
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-malformed.json", type = APIGatewayV2HTTPEvent.class)
    void malformed_json_is_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 400).get("type").asText()).isEqualTo("urn:fnbundle:problem:malformed-json");
    }

    @Test
    void a_side_over_5_mib_is_a_413_with_the_limit() {
        // given: 5 MiB + 1 byte of text
        String big = "x".repeat(5 * 1024 * 1024) + "\n";
        String body = Json.write(Map.of("name", "big", "baseline", "a=1\n", "current", big));
        // when
        JsonNode problem = call(ApiEvents.request("POST /audits", "/audits", body), 413);
        // then
        assertThat(problem.get("field").asText()).isEqualTo("current");
        assertThat(problem.get("reason").asText()).isEqualTo("too-large");
        assertThat(problem.get("limit").asLong()).isEqualTo(5L * 1024 * 1024);
        assertThat(problem.get("actualBytes").asLong()).isEqualTo(5L * 1024 * 1024 + 1);
    }

    @Test
    void a_body_over_lambdas_6_mb_is_a_413() {
        String body = "{\"name\": \"big\", \"baseline\": \"" + "x".repeat(6 * 1024 * 1024) + "\"}";

        assertThat(call(ApiEvents.request("POST /audits", "/audits", body), 413).get("limit").asLong())
                .isEqualTo(ConfigAuditApiHandler.MAX_BODY_BYTES);
    }

    @Test
    void a_side_over_the_line_limit_is_a_413() {
        String lines = "a\n".repeat(200_001);
        String body = Json.write(Map.of("name", "many", "baseline", lines, "current", "a\n"));

        JsonNode problem = call(ApiEvents.request("POST /audits", "/audits", body), 413);

        assertThat(problem.get("reason").asText()).isEqualTo("too-many-lines");
        assertThat(problem.get("field").asText()).isEqualTo("baseline");
        assertThat(problem.get("actualLines").asLong()).isEqualTo(200_001);
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-get-unknown.json", type = APIGatewayV2HTTPEvent.class)
    void an_unknown_or_malformed_audit_id_is_a_404(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 404).get("type").asText()).isEqualTo("urn:fnbundle:problem:not-found");
        assertThat(call(forAudit(event("audit-get.json"), "x".repeat(3000)), 404)).isNotNull();
        assertThat(call(forAudit(event("audit-diff-plain.json"), "not-an-id!"), 404)).isNotNull();
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-diff-html.json", type = APIGatewayV2HTTPEvent.class)
    void the_diff_page_is_served_with_a_strict_content_security_policy(APIGatewayV2HTTPEvent event) {
        // given
        String id = call(event("audit-seed.json"), 201).get("id").asText();
        // when
        var response = send(forAudit(event, id), 200);
        // then
        assertThat(response.getHeaders().get("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(response.getHeaders().get("content-security-policy")).startsWith("default-src 'none';")
                .doesNotContain("script").contains("sandbox");
        assertThat(response.getHeaders()).containsEntry("x-content-type-options", "nosniff")
                .containsEntry("vary", "accept");
        assertThat(response.getBody()).startsWith("<!DOCTYPE html>").contains("<table")
                .contains("max_overflow = 5").doesNotContain("<script");
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-diff-plain.json", type = APIGatewayV2HTTPEvent.class)
    void the_diff_as_text_is_the_unified_diff(APIGatewayV2HTTPEvent event) {
        String id = call(event("audit-seed.json"), 201).get("id").asText();

        var response = send(forAudit(event, id), 200);

        assertThat(response.getHeaders().get("content-type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.getHeaders()).containsEntry("x-content-type-options", "nosniff");
        assertThat(response.getBody()).isEqualTo(SEED_DIFF);
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-diff-json.json", type = APIGatewayV2HTTPEvent.class)
    void any_other_accepted_type_is_a_406_listing_the_two(APIGatewayV2HTTPEvent event) {
        String id = call(event("audit-seed.json"), 201).get("id").asText();

        JsonNode problem = call(forAudit(event, id), 406);

        assertThat(problem.get("available").toString()).isEqualTo("[\"text/html\",\"text/plain\"]");
    }

    @ParameterizedTest
    @Event(value = "config-auditor/baseline-put.json", type = APIGatewayV2HTTPEvent.class)
    void baselines_are_versioned_with_etags_and_refuse_lost_updates(APIGatewayV2HTTPEvent event) {
        String name = uniqueName("web");
        // when: create, then an unconditional write, an update, a stale update and a create-only write
        var created = send(forBaseline(event, name), 201);
        JsonNode unconditional = call(forBaseline(event("baseline-put.json"), name), 428);
        var updated = send(forBaseline(event("baseline-put-if-match.json"), name), 200);
        JsonNode stale = call(forBaseline(event("baseline-put-if-match.json"), name), 412);
        JsonNode createOnly = call(forBaseline(event("baseline-put-create-only.json"), name), 412);
        var read = send(forBaseline(event("baseline-get.json"), name), 200);
        // then
        assertThat(created.getHeaders()).containsEntry("etag", "\"1\"").containsEntry("location", "/baselines/"
                + name);
        assertThat(unconditional.get("currentVersion").asLong()).isEqualTo(1);
        assertThat(updated.getHeaders()).containsEntry("etag", "\"2\"");
        assertThat(stale.get("currentVersion").asLong()).isEqualTo(2);
        assertThat(createOnly.get("currentVersion").asLong()).isEqualTo(2);
        assertThat(read.getHeaders()).containsEntry("etag", "\"2\"");
        JsonNode baseline = Json.parse(read.getBody());
        assertThat(baseline.get("version").asLong()).isEqualTo(2);
        assertThat(baseline.get("format").asText()).isEqualTo("ini");
        assertThat(baseline.get("criticalKeys").toString()).isEqualTo("[\"database.*\"]");
        assertThat(baseline.get("updatedBy").asText()).isEqualTo("local-dev");
        assertThat(baseline.get("lineCount").asLong()).isEqualTo(10);
        assertThat(read.getBody()).doesNotContain("db.internal");
    }

    @ParameterizedTest
    @Event(value = "config-auditor/baseline-put-create-only.json", type = APIGatewayV2HTTPEvent.class)
    void if_none_match_star_creates_and_if_match_on_a_missing_baseline_fails(APIGatewayV2HTTPEvent event) {
        String name = uniqueName("create-only");

        assertThat(send(forBaseline(event, name), 201).getHeaders()).containsEntry("etag", "\"1\"");
        JsonNode missing = call(forBaseline(event("baseline-put-if-match.json"), uniqueName("missing")), 412);
        assertThat(missing.get("currentVersion").isNull()).isTrue();
    }

    @ParameterizedTest
    @Event(value = "config-auditor/baseline-put-bad-if-match.json", type = APIGatewayV2HTTPEvent.class)
    void an_unquoted_if_match_is_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(fields(call(forBaseline(event, uniqueName("bad-tag")), 400))).containsExactly("If-Match");
    }

    @ParameterizedTest
    @Event(value = "config-auditor/baseline-put-metadata-source.json", type = APIGatewayV2HTTPEvent.class)
    void a_source_url_on_a_link_local_address_is_refused(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(forBaseline(event, uniqueName("ssrf")), 400);

        assertThat(fields(problem)).containsExactly("sourceUrl");
        assertThat(problem.get("errors").get(0).get("detail").asText()).contains("link local");
    }

    @ParameterizedTest
    @Event(value = "config-auditor/baseline-put-sourced.json", type = APIGatewayV2HTTPEvent.class)
    void a_baseline_keeps_an_https_source_url(APIGatewayV2HTTPEvent event) {
        JsonNode baseline = call(forBaseline(event, uniqueName("sourced")), 201);

        assertThat(baseline.get("sourceUrl").asText()).isEqualTo("https://config.example.com/web-frontend/app.ini");
        assertThat(baseline.get("lastReaudit").isNull()).isTrue();
    }

    @ParameterizedTest
    @Event(value = "config-auditor/baseline-put-unparsable.json", type = APIGatewayV2HTTPEvent.class)
    void a_baseline_that_does_not_parse_is_a_422(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(forBaseline(event, uniqueName("broken")), 422);

        assertThat(problem.get("document").asText()).isEqualTo("content");
        assertThat(problem.get("line").asInt()).isEqualTo(1);
        assertThat(problem.get("column").asInt()).isPositive();
    }

    @ParameterizedTest
    @Event(value = "config-auditor/baseline-audit.json", type = APIGatewayV2HTTPEvent.class)
    void audits_against_a_baseline_form_its_drift_history_newest_first(APIGatewayV2HTTPEvent event) {
        // given
        String name = uniqueName("history");
        send(forBaseline(event("baseline-put.json"), name), 201);
        // when: three audits, the second one with no drift
        String first = call(forBaseline(event, name), 201).get("id").asText();
        var same = forBaseline(event("baseline-audit.json"), name);
        same.setBody(Json.write(Map.of("current", Json.parse(event("baseline-put.json").getBody()).get("content")
                .asText())));
        String second = call(same, 201).get("id").asText();
        JsonNode third = call(forBaseline(event("baseline-audit.json"), name), 201);
        JsonNode page1 = call(forBaseline(event("baseline-audits.json"), name), 200);
        var next = forBaseline(event("baseline-audits.json"), name);
        next.setQueryStringParameters(Map.of("limit", "2", "nextToken", page1.get("nextToken").asText()));
        JsonNode page2 = call(next, 200);
        // then
        assertThat(third.get("baselineVersion").asLong()).isEqualTo(1);
        assertThat(third.get("links").get("history").asText()).isEqualTo("/baselines/" + name + "/audits");
        assertThat(third.get("unifiedDiff").asText()).startsWith("--- baseline/" + name + "\n");
        assertThat(page1.get("items")).hasSize(2);
        assertThat(page1.get("items").get(0).get("id").asText()).isEqualTo(third.get("id").asText());
        assertThat(page1.get("items").get(1).get("id").asText()).isEqualTo(second);
        assertThat(page1.get("items").get(1).get("hasDrift").asBoolean()).isFalse();
        assertThat(page2.get("items")).hasSize(1);
        assertThat(page2.get("items").get(0).get("id").asText()).isEqualTo(first);
        assertThat(page2.get("items").get(0).get("counts").get("addedLines").asInt()).isEqualTo(3);
        assertThat(page2.get("nextToken").isNull()).isTrue();
    }

    @ParameterizedTest
    @Event(value = "config-auditor/baseline-audit-unknown.json", type = APIGatewayV2HTTPEvent.class)
    void an_unknown_baseline_is_a_404_for_audits_history_and_reads(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 404).get("detail").asText()).isEqualTo("no baseline no-such-baseline");
        assertThat(call(forBaseline(event("baseline-audits.json"), "no-such-baseline"), 404)).isNotNull();
        assertThat(call(forBaseline(event("baseline-get.json"), "no-such-baseline"), 404)).isNotNull();
    }

    /** A baseline with two audits, so that its history has a second page. */
    private String baselineWithHistory(String prefix) {
        String name = uniqueName(prefix);
        send(forBaseline(event("baseline-put.json"), name), 201);
        send(forBaseline(event("baseline-audit.json"), name), 201);
        send(forBaseline(event("baseline-audit.json"), name), 201);
        return name;
    }

    private APIGatewayV2HTTPEvent history(String name, Map<String, String> query) {
        var event = forBaseline(event("baseline-audits.json"), name);
        event.setQueryStringParameters(query);
        return event;
    }

    @Test
    void forged_foreign_and_garbage_history_tokens_are_a_400_naming_next_token() {
        String name = baselineWithHistory("tokens");
        String other = baselineWithHistory("tokens-other");
        String foreign = call(history(other, Map.of("limit", "1")), 200).get("nextToken").asText();
        var bad = new ArrayList<String>(List.of(foreign,
                PageTokenForgery.wrongMac("baseline-audits#" + name, "{\"pk\":{\"S\":\"BASELINE#" + name
                        + "\"},\"sk\":{\"S\":\"AUDIT#0\"}}"),
                PageTokenForgery.unsigned("baseline-audits#" + name, "{\"pk\":{\"S\":\"x\"}}")));
        bad.addAll(List.of(PageTokenForgery.garbage()));

        for (String token : bad) {
            assertThat(fields(call(history(name, Map.of("nextToken", token)), 400))).as(token)
                    .containsExactly("nextToken");
        }
    }

    @Test
    void a_history_token_signed_before_the_key_was_rotated_is_still_accepted() {
        String name = baselineWithHistory("rotated");
        String before = call(history(name, Map.of("limit", "1")), 200).get("nextToken").asText();

        // Another instance, a rotation period later, replaces the signing key; a new instance then starts.
        new DynamoPageKeyStore(LocalAws.shared().dynamoDb(), table,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(31))).load();
        var restarted = new ConfigAuditApiHandler(ConfigAuditWiring.from(Env.of(LocalAws.shared()
                .functionEnvironment("ConfigAuditApiFunction"))), new ResponseBudget(ResponseBudget.DEFAULT_BYTES));
        var response = OpenApiContract.checked(restarted)
                .handleRequest(history(name, Map.of("limit", "1", "nextToken", before)), context);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(Json.parse(response.getBody()).get("items")).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "config-auditor/baseline-audits-bad-limit.json", type = APIGatewayV2HTTPEvent.class)
    void a_bad_limit_or_token_is_a_400(APIGatewayV2HTTPEvent event) {
        String name = uniqueName("paging");
        send(forBaseline(event("baseline-put.json"), name), 201);
        var badToken = forBaseline(event("baseline-audits.json"), name);
        badToken.setQueryStringParameters(Map.of("nextToken", "bm90LWEtdG9rZW4"));

        assertThat(fields(call(forBaseline(event, name), 400))).containsExactly("limit");
        assertThat(fields(call(badToken, 400))).containsExactly("nextToken");
    }

    @Test
    void a_near_limit_baseline_rewritten_in_full_is_stored_and_served_within_lambdas_response_limit() {
        // given: ~4.6 MB configs of 110 000 random lines, every one of them changed
        var random = new java.util.Random(17);
        var baseline = new StringBuilder();
        var current = new StringBuilder();
        for (int i = 0; i < 110_000; i++) {
            baseline.append("entry").append(i).append(" = ").append(Long.toHexString(random.nextLong()))
                    .append(Long.toHexString(random.nextLong())).append('\n');
            current.append("entry").append(i).append(" = ").append(Long.toHexString(random.nextLong()))
                    .append(Long.toHexString(random.nextLong())).append('\n');
        }
        String name = uniqueName("huge");
        var put = forBaseline(event("baseline-put.json"), name);
        put.setBody(Json.write(Map.of("content", baseline.toString(), "format", "properties")));
        send(put, 201);
        var audit = forBaseline(event("baseline-audit.json"), name);
        audit.setBody(Json.write(Map.of("current", current.toString())));
        // when
        var created = send(audit, 201);
        String id = Json.parse(created.getBody()).get("id").asText();
        var read = send(forAudit(event("audit-get.json"), id), 200);
        var plain = send(forAudit(event("audit-diff-plain.json"), id), 200);
        var html = send(forAudit(event("audit-diff-html.json"), id), 200);
        // then: every answer fits, says it was cut, and keeps the full figures
        for (var response : List.of(created, read, plain, html)) {
            assertThat(ResponseBudgetSize.of(response.getBody())).isLessThanOrEqualTo(ResponseBudget.DEFAULT_BYTES);
        }
        JsonNode view = Json.parse(read.getBody());
        assertThat(view.get("truncated").asBoolean()).isTrue();
        assertThat(view.get("counts").get("addedLines").asInt()).isEqualTo(110_000);
        assertThat(view.get("similarity").asDouble()).isEqualTo(0.0);
        assertThat(plain.getBody()).contains("\\ diff truncated: ");
        assertThat(html.getBody()).contains("(truncated: first ");
    }

    @Test
    void every_route_of_the_handler_is_in_the_template() {
        var routes = LocalAws.shared().model().functions().get("ConfigAuditApiFunction")
                .events(dev.fnbundle.embedded.template.EventSpec.HttpApiRoute.class).stream()
                .map(dev.fnbundle.embedded.template.EventSpec.HttpApiRoute::routeKey).sorted().toList();

        assertThat(handler.router().routeKeys()).isEqualTo(routes);
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
