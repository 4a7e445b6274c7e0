package dev.fnbundle.configaudit;

import static dev.fnbundle.configaudit.testing.Timing.finishesInLinearTime;
import static dev.fnbundle.configaudit.testing.Timing.megabyteOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.testing.ApiEvents;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.configaudit.api.ResponseBudget;
import dev.fnbundle.embedded.LocalAws;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 13 items 3 and 9 through the real handlers and DynamoDB Local: a corpus of secret placements in every
 * format never shows up in any answer (the audit as created and as read back, the page, the text diff) nor in the
 * stored item; a 100 KB private key is audited through the API and the queue; guessed formats that do not parse
 * degrade, stated ones are refused.
 */
class SecretsAndFormatsEndToEndTest {
    private static ConfigAuditApiHandler api;
    private static ConfigAuditWorkerHandler worker;
    private static String table;
    private final FakeLambdaContext context = new FakeLambdaContext("config-audit-api");

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        table = aws.provisionTable("ConfigAuditTable");
        api = new ConfigAuditApiHandler(ConfigAuditWiring.from(Env.of(aws.functionEnvironment(
                "ConfigAuditApiFunction"))), new ResponseBudget(ResponseBudget.DEFAULT_BYTES));
        worker = new ConfigAuditWorkerHandler(AuditMessageWorker.from(ConfigAuditWiring.from(Env.of(
                aws.functionEnvironment("ConfigAuditWorkerFunction")))));
    }

    /** One baseline per format, the secrets it holds, and other strings no answer may contain. */
    static List<Arguments> corpus() {
        return List.of(json(), yaml(), ini(), properties(), nginx());
    }

    private static Arguments json() {
        return Arguments.of("json", """
                {
                  "api_keys": [
                    "sk_live_AAAA1111x",
                    "sk_live_BBBB2222x"
                  ],
                  "credentials": {
                    "user": "svc-e2e-user",
                    "pass": "Zq9-hunter-22"
                  },
                  "pass\\u0077ord": "esc-key-secret-1",
                  "token":
                  "next-line-token-77",
                  "client_secret": "abc/def/ghi-123",
                  "note": "abc\\/def\\/ghi-123",
                  "database_url": "postgres://app:url-pass@word-9@db:5432/x",
                  "n": 1
                }
                """, List.of("sk_live_AAAA1111x", "sk_live_BBBB2222x", "svc-e2e-user", "Zq9-hunter-22",
                "esc-key-secret-1", "next-line-token-77", "abc/def/ghi-123", "url-pass@word-9"),
                List.of("def\\/ghi-123", "def\\\\/ghi-123"));
    }

    private static Arguments yaml() {
        return Arguments.of("yaml", """
                api_keys:
                - sk_live_CCCC3333x
                - sk_live_DDDD4444x
                private_key: |
                  -----BEGIN KEY-----
                  MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Q
                  -----END KEY-----
                passphrase: >
                  correct horse
                  battery staple
                secret: "first-part
                  second-part"
                token: plainfirst
                  plainsecond
                base: &pw aliased-secret-99
                password: *pw
                credentials:
                  user: adm9
                  pass: nested-pass-55
                quoted_password: 'it''s-a-secret'
                dsn: "mysql://root:yaml%40url-pw@db/x"
                name: web
                """, List.of("sk_live_CCCC3333x", "sk_live_DDDD4444x",
                "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Q", "correct horse",
                "battery staple", "first-part", "second-part", "plainfirst", "plainsecond",
                "aliased-secret-99", "adm9", "nested-pass-55", "s-a-secret", "yaml%40url-pw"),
                List.of("url-pw"));
    }

    private static Arguments ini() {
        return Arguments.of("ini", """
                ; settings before any section
                token = ini-top-token-1
                [secrets]
                api = ini-section-secret-1
                [db]
                ;password = old-commented-secret
                password = first-cont-secret
                  second-cont-secret
                host = db.internal
                url = mysql://app:ini-url-pw@db/x
                [Service]
                ExecStart=/usr/bin/app --password=cli-flag-secret
                """, List.of("ini-top-token-1", "ini-section-secret-1", "old-commented-secret",
                "first-cont-secret", "second-cont-secret", "ini-url-pw", "cli-flag-secret"), List.of());
    }

    private static Arguments properties() {
        return Arguments.of("properties", """
                db.password=prop-cont-\\
                    secret-part2
                db.pass\\u0077ord2=prop-escaped-key-secret
                jdbc.url=postgres://app:url@pw/x9-1@db:5432/x
                note=see enc%40pw%2Fy8-2
                api.secret=enc@pw/y8-2
                host=x
                """, List.of("prop-cont-", "secret-part2", "prop-escaped-key-secret", "url@pw/x9-1",
                "enc@pw/y8-2"), List.of("y8-2", "x9-1"));
    }

    private static Arguments nginx() {
        return Arguments.of("nginx", """
                worker_processes 4;
                ssl_certificate_key /etc/ssl/private/nginx-secret.key;
                secrets {
                    api abc-nginx-block-1;
                }
                auth_token "nginx-quoted-tok-9";
                http {
                    proxy_pass http://user:nginx-url-pw@backend;
                }
                """, List.of("nginx-secret.key", "abc-nginx-block-1", "nginx-quoted-tok-9", "nginx-url-pw"),
                List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void no_secret_appears_in_any_answer_or_in_the_stored_item(String format, String baseline, List<String> secrets,
                                                                List<String> alsoForbidden) {
        // given: every secret changed on the current side, so each line holding one is in the diff
        String current = baseline;
        for (String secret : secrets) {
            current = current.replace(secret, reversed(secret));
        }
        for (String given : new String[] {format, null}) {
            // when
            List<String> answers = auditAndReadBack(baseline, current, given);
            // then
            for (String answer : answers) {
                for (String secret : secrets) {
                    assertThat(answer).as("format %s", given).doesNotContain(secret).doesNotContain(reversed(secret));
                }
                for (String fragment : alsoForbidden) {
                    assertThat(answer).as("format %s", given).doesNotContain(fragment);
                }
            }
            JsonNode audit = Json.parse(answers.get(0));
            assertThat(audit.get("format").asText()).isEqualTo(format);
            assertThat(audit.get("warnings")).isEmpty();
            assertThat(audit.get("keyDrift").get("changedKeys")).isNotEmpty();
        }
    }

    /** POST /audits, then GET it, its page and its text diff, and the stored item; all as text. */
    private List<String> auditAndReadBack(String baseline, String current, String format) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", "e2e.conf");
        body.put("baseline", baseline);
        body.put("current", current);
        if (format != null) {
            body.put("format", format);
        }
        String created = send(ApiEvents.request("POST /audits", "/audits", Json.write(body)), 201).getBody();
        String id = Json.parse(created).get("id").asText();
        List<String> answers = new ArrayList<>();
        answers.add(created);
        answers.add(send(get("GET /audits/{id}", "/audits/" + id, id, null), 200).getBody());
        answers.add(send(get("GET /audits/{id}/diff", "/audits/" + id + "/diff", id, "text/html"), 200).getBody());
        answers.add(send(get("GET /audits/{id}/diff", "/audits/" + id + "/diff", id, "text/plain"), 200).getBody());
        answers.addAll(storedItem(id));
        return answers;
    }

    @Test
    void a_100_kb_private_key_is_audited_through_the_api_and_through_the_queue() {
        // given: a 4096-bit PEM's shape, grown to 100 KB, quoted in JSON and in YAML
        String pem = "-----BEGIN PRIVATE KEY-----\\n"
                + "MIIJQgIBADANBgkqhkiG9w0BAQEFAASCCSwwggkoAgEAAoICAQ".repeat(2000) + "\\n-----END PRIVATE KEY-----\\n";
        String json = "{\"privateKey\": \"" + pem + "\"}\n";
        String yaml = "privateKey: \"" + pem + "\"\n";
        for (String side : List.of(json, yaml)) {
            var body = Map.of("name", "pem.conf", "baseline", side.replace(pem, "old"), "current", side);
            // when: through the API
            String created = send(ApiEvents.request("POST /audits", "/audits", Json.write(body)), 201).getBody();
            String id = Json.parse(created).get("id").asText();
            String page = send(get("GET /audits/{id}/diff", "/audits/" + id + "/diff", id, "text/html"), 200)
                    .getBody();
            // and through the queue
            var message = new SQSEvent.SQSMessage();
            message.setMessageId("m-" + UUID.randomUUID());
            var queued = new LinkedHashMap<String, Object>(body);
            queued.put("requestId", UUID.randomUUID().toString());
            message.setBody(Json.write(queued));
            var event = new SQSEvent();
            event.setRecords(List.of(message));
            var response = worker.handleRequest(event, new FakeLambdaContext("config-audit-worker"));
            // then
            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(created + page + String.join("", storedItem(id))).doesNotContain("MIIJQgIBADAN");
        }
    }

    @Test
    void a_guessed_format_that_does_not_parse_is_audited_line_by_line_with_a_warning() {
        // given: guessed YAML; the current side's flow sequence never closes
        var body = Map.of("name", "svc.yaml", "baseline", "port: 8080\nhosts: [a, b]\npassword: old-yaml-secret\n",
                "current", "port: 9090\nhosts: [a, b\npassword: new-yaml-secret\n");
        // when
        JsonNode audit = Json.parse(send(ApiEvents.request("POST /audits", "/audits", Json.write(body)), 201)
                .getBody());
        // then
        assertThat(audit.has("keyDrift")).isFalse();
        assertThat(audit.get("counts").has("changedKeys")).isFalse();
        assertThat(audit.get("similarity").asDouble()).isEqualTo(0.0);
        assertThat(audit.get("severity").asText()).isEqualTo("warning");
        assertThat(audit.get("unifiedDiff").asText()).contains("-password: ******\n").contains("+password: ******\n");
        JsonNode warning = audit.get("warnings").get(0);
        assertThat(warning.get("type").asText()).isEqualTo("key-drift-skipped");
        assertThat(warning.get("format").asText()).isEqualTo("yaml");
        assertThat(warning.get("document").asText()).isEqualTo("current");
        assertThat(warning.get("line").asInt()).isEqualTo(3);
        assertThat(warning.get("column").asInt()).isPositive();
        assertThat(audit.toString()).doesNotContain("yaml-secret");
    }

    @Test
    void a_stated_format_that_does_not_parse_is_a_422_that_quotes_no_value() {
        var body = Map.of("name", "svc.yaml", "format", "yaml", "baseline", "a: 1\n",
                "current", "password: \"unclosed-secret-value\n");

        JsonNode problem = Json.parse(send(ApiEvents.request("POST /audits", "/audits", Json.write(body)), 422)
                .getBody());

        assertThat(problem.get("format").asText()).isEqualTo("yaml");
        assertThat(problem.toString()).doesNotContain("unclosed-secret-value");
    }

    @Test
    void a_baseline_approved_without_a_format_that_does_not_parse_is_audited_with_a_warning() {
        // given: an INI-looking baseline whose last line the INI reader refuses, approved without a format
        String name = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        String content = "[db]\nhost = a\nnot a pair at all\n";
        APIGatewayV2HTTPEvent put = ApiEvents.request("PUT /baselines/{name}", "/baselines/" + name,
                Json.write(Map.of("content", content)));
        put.setPathParameters(Map.of("name", name));
        send(put, 201);
        // when
        APIGatewayV2HTTPEvent audit = ApiEvents.request("POST /baselines/{name}/audit", "/baselines/" + name
                + "/audit", Json.write(Map.of("current", content.replace("host = a", "host = b"))));
        audit.setPathParameters(Map.of("name", name));
        JsonNode report = Json.parse(send(audit, 201).getBody());
        // then
        assertThat(report.get("format").asText()).isEqualTo("ini");
        assertThat(report.has("keyDrift")).isFalse();
        assertThat(report.get("warnings")).hasSize(2);
        assertThat(report.get("hasDrift").asBoolean()).isTrue();
    }

    @Test
    void an_audit_id_of_a_megabyte_is_a_404_in_linear_time() {
        String id = megabyteOf("a");

        finishesInLinearTime(() -> send(get("GET /audits/{id}", "/audits/x", id, null), 404));
    }

    private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event, int expectedStatus) {
        APIGatewayV2HTTPResponse response = api.handleRequest(event, context);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expectedStatus);
        return response;
    }

    private static APIGatewayV2HTTPEvent get(String route, String path, String id, String accept) {
        APIGatewayV2HTTPEvent event = ApiEvents.request(route, path, null);
        event.setPathParameters(Map.of("id", id));
        if (accept != null) {
            event.getHeaders().put("accept", accept);
        }
        return event;
    }

    /** Every attribute of the stored report item as text, the compressed report decompressed. */
    private static List<String> storedItem(String id) {
        var item = LocalAws.shared().dynamoDb().getItem(b -> b.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("AUDIT#" + id), "sk", AttributeValue.fromS("REPORT")))).item();
        List<String> texts = new ArrayList<>();
        item.forEach((name, value) -> texts.add(name + "=" + value));
        assertThat(item).containsKey("blob");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(item.get("blob").b().asByteArray()))) {
            texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static String reversed(String s) {
        return new StringBuilder(s).reverse().toString();
    }
}
