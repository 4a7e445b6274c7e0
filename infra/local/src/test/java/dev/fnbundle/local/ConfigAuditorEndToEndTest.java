package dev.fnbundle.local;

import static dev.fnbundle.local.BundleStack.await;
import static dev.fnbundle.local.BundleStack.call;
import static dev.fnbundle.local.BundleStack.callWithHeaders;
import static dev.fnbundle.local.BundleStack.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The config auditor through the local runtime: HTTP API with JWT, DynamoDB, the bulk audit queue and its
 * consumer, and the scheduled re-audit fetching a sourced baseline from a config host on loopback.
 */
class ConfigAuditorEndToEndTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TEMPLATE = "[server]\nhost = 0.0.0.0\nport = 8080\nworkers = 4\ntimeout = 30\n\n"
            + "[database]\nhost = db.internal\nport = 5432\npool_size = 10\n";
    private static final String DEPLOYED = "[server]\nhost = 0.0.0.0\nport = 9090\nworkers = 4\ntimeout = 30\n\n"
            + "[database]\nhost = db.internal\nport = 5432\npool_size = 20\nmax_overflow = 5\n";
    private static final double SEED_RATIO = 0.7619047619047619;

    private static String body(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode history(String name) {
        return json(call("GET", "/baselines/" + name + "/audits", null)).get("items");
    }

    @Test
    void an_audit_is_created_read_back_and_its_diff_negotiated() {
        var created = call("POST", "/audits", body(Map.of("name", "web.prod", "baseline", TEMPLATE, "current",
                DEPLOYED, "criticalKeys", java.util.List.of("database.*"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asText();

        var read = call("GET", "/audits/" + id, null);
        var html = callWithHeaders("GET", "/audits/" + id + "/diff", null, "Accept", "text/html");
        var plain = callWithHeaders("GET", "/audits/" + id + "/diff", null, "Accept", "text/plain");
        var other = callWithHeaders("GET", "/audits/" + id + "/diff", null, "Accept", "application/json");
        var anonymous = call("POST", "/audits", "{}", null);

        assertThat(json(created).get("similarity").asDouble()).isEqualTo(SEED_RATIO);
        assertThat(json(created).get("severity").asText()).isEqualTo("critical");
        assertThat(json(read)).isEqualTo(json(created));
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        assertThat(html.headers().firstValue("content-security-policy").orElseThrow())
                .startsWith("default-src 'none'").doesNotContain("script");
        assertThat(html.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(html.body()).contains("<table").doesNotContain("<script");
        assertThat(plain.body()).isEqualTo(json(created).get("unifiedDiff").asText()).contains("+max_overflow = 5\n");
        assertThat(other.statusCode()).isEqualTo(406);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void a_baseline_is_versioned_with_etags_and_audited_into_its_drift_history() {
        String name = unique("web");
        String path = "/baselines/" + name;
        String baseline = body(Map.of("content", TEMPLATE, "criticalKeys", java.util.List.of("database.*")));

        var created = callWithHeaders("PUT", path, baseline);
        var unconditional = callWithHeaders("PUT", path, baseline);
        var updated = callWithHeaders("PUT", path, baseline, "If-Match", "\"1\"");
        var stale = callWithHeaders("PUT", path, baseline, "If-Match", "\"1\"");
        var first = call("POST", path + "/audit", body(Map.of("current", DEPLOYED)));
        var second = call("POST", path + "/audit", body(Map.of("current", TEMPLATE)));
        var page = call("GET", path + "/audits?limit=1", null);
        var rest = call("GET", path + "/audits?limit=1&nextToken=" + json(page).get("nextToken").asText(), null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("etag")).contains("\"1\"");
        assertThat(unconditional.statusCode()).isEqualTo(428);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.headers().firstValue("etag")).contains("\"2\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).get("currentVersion").asLong()).isEqualTo(2);
        assertThat(json(first).get("baselineVersion").asLong()).isEqualTo(2);
        assertThat(json(page).get("items").get(0).get("id").asText()).isEqualTo(json(second).get("id").asText());
        assertThat(json(page).get("items").get(0).get("hasDrift").asBoolean()).isFalse();
        assertThat(json(rest).get("items").get(0).get("id").asText()).isEqualTo(json(first).get("id").asText());
        assertThat(json(rest).get("items").get(0).get("similarity").asDouble()).isEqualTo(SEED_RATIO);
        assertThat(json(rest).get("nextToken").isNull()).isTrue();
    }

    @Test
    void bad_input_is_413_422_or_404_never_500() {
        var notText = call("POST", "/audits", body(Map.of("name", "x", "baseline", "a=1\n", "current", "a\u0000b")));
        var tooLarge = call("POST", "/audits", body(Map.of("name", "x", "baseline", "a=1\n",
                "current", "x".repeat(5 * 1024 * 1024 + 1))));
        var unparsable = call("POST", "/audits", body(Map.of("name", "x", "format", "json", "baseline", "{}",
                "current", "{\n  \"a\": 1,\n  \"b\": }\n")));
        var unknown = call("POST", "/baselines/" + unique("missing") + "/audit", body(Map.of("current", "a=1\n")));

        assertThat(notText.statusCode()).isEqualTo(413);
        assertThat(json(notText).get("reason").asText()).isEqualTo("not-text");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json(tooLarge).get("reason").asText()).isEqualTo("too-large");
        assertThat(unparsable.statusCode()).isEqualTo(422);
        assertThat(json(unparsable).get("line").asInt()).isEqualTo(3);
        assertThat(json(unparsable).get("column").asInt()).isPositive();
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void a_bulk_request_from_the_queue_is_audited_once_even_when_redelivered() {
        // given
        String name = unique("fleet");
        assertThat(callWithHeaders("PUT", "/baselines/" + name, body(Map.of("content", TEMPLATE))).statusCode())
                .isEqualTo(201);
        var stack = BundleStack.shared();
        String queueUrl = stack.model().queue("ConfigAuditQueue").url();
        String message = body(Map.of("requestId", "host-1#" + name, "baseline", name, "current", DEPLOYED));
        // when: the message, then the same message again once the first was processed
        stack.aws().sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(message));
        await("the queued audit", () -> history(name).size() == 1);
        stack.aws().sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(message));
        await("the queue to drain", () -> {
            var attributes = stack.aws().sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            return attributes.values().stream().allMatch("0"::equals);
        });
        // then
        JsonNode items = history(name);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("source").asText()).isEqualTo("queue");
        assertThat(items.get(0).get("similarity").asDouble()).isEqualTo(SEED_RATIO);
    }

    @Test
    void the_schedule_reaudits_a_sourced_baseline_from_its_url() throws IOException {
        // given: a config host on loopback serving the deployed config
        var hits = new AtomicInteger();
        HttpServer host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/app.ini", exchange -> {
            hits.incrementAndGet();
            byte[] bytes = DEPLOYED.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        host.start();
        try {
            String name = unique("sourced");
            String source = "http://127.0.0.1:" + host.getAddress().getPort() + "/app.ini";
            var put = callWithHeaders("PUT", "/baselines/" + name, body(Map.of("content", TEMPLATE, "sourceUrl", source,
                    "criticalKeys", java.util.List.of("database.*"))));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
            // when
            var fired = call("POST", "/_local/schedules/ReauditBaselines/fire", null);
            // then
            assertThat(fired.statusCode()).as(fired.body()).isLessThan(300);
            await("the scheduled re-audit", () -> history(name).size() == 1);
            JsonNode entry = history(name).get(0);
            assertThat(entry.get("source").asText()).isEqualTo("schedule");
            assertThat(entry.get("similarity").asDouble()).isEqualTo(SEED_RATIO);
            assertThat(entry.get("severity").asText()).isEqualTo("critical");
            JsonNode baseline = json(call("GET", "/baselines/" + name, null));
            assertThat(baseline.get("lastReaudit").get("status").asText()).isEqualTo("ok");
            assertThat(baseline.get("lastReaudit").get("auditId").asText()).isEqualTo(entry.get("id").asText());
            assertThat(hits.get()).isEqualTo(1);
        } finally {
            host.stop(0);
        }
    }
}
