package dev.fnbundle.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

class JsonLogWriterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JsonLogWriter writer = new JsonLogWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), "orders-api");
    private final LogLevels levels = new LogLevels(Level.INFO, Level.WARN);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_log_line_is_one_json_object_with_the_request_id() {
        var logger = new JsonLogger("dev.fnbundle.orders.Handler", levels, writer);

        try (var ignored = RequestLogContext.open("req-7", "POST /orders/resolve")) {
            logger.info("resolved nodes={} in {}ms", 42, 3);
        }

        String line = output();
        assertThat(line).endsWith(System.lineSeparator()).doesNotContain("\n{");
        var json = Json.parse(line);
        assertThat(json.get("timestamp").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("message").asText()).isEqualTo("resolved nodes=42 in 3ms");
        assertThat(json.get("requestId").asText()).isEqualTo("req-7");
        assertThat(json.get("operation").asText()).isEqualTo("POST /orders/resolve");
        assertThat(json.get("function").asText()).isEqualTo("orders-api");
    }

    @Test
    void an_exception_is_logged_with_type_and_stack_and_control_characters_are_escaped() {
        var logger = new JsonLogger("dev.fnbundle.x", levels, writer);

        logger.error("failed for \"a\"\n\tnext", new IllegalStateException("boom"));

        var json = Json.parse(output());
        assertThat(json.get("message").asText()).isEqualTo("failed for \"a\"\n\tnext");
        assertThat(json.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("stackTrace").asText()).contains("JsonLogWriterTest");
    }

    @Test
    void a_field_longer_than_the_cap_is_cut_and_says_how_much_was_cut() {
        var logger = new JsonLogger("dev.fnbundle.x", levels, writer);
        String path = "/runs/" + "x".repeat(10_000);

        logger.info("request path={}", path);

        String message = Json.parse(output()).get("message").asText();
        assertThat(message).hasSize(JsonLogWriter.MAX_FIELD_CHARS + "...[5923 more characters]".length())
                .startsWith("request path=/runs/xxx").endsWith("...[5923 more characters]");
    }

    @Test
    void a_cut_never_splits_a_surrogate_pair() {
        String value = "a".repeat(JsonLogWriter.MAX_FIELD_CHARS - 1) + "\uD83D\uDE00" + "tail";

        assertThat(JsonLogWriter.capped(value, JsonLogWriter.MAX_FIELD_CHARS))
                .isEqualTo("a".repeat(JsonLogWriter.MAX_FIELD_CHARS - 1) + "...[6 more characters]");
    }

    @Test
    void key_value_pairs_from_the_fluent_api_become_fields() {
        var logger = new JsonLogger("dev.fnbundle.x", levels, writer);

        logger.atInfo().addKeyValue("runId", "r-1").log("dispatched");

        assertThat(Json.parse(output()).get("runId").asText()).isEqualTo("r-1");
    }

    @Test
    void library_loggers_are_quieter_than_our_own_unless_debugging() {
        assertThat(levels.isEnabled("software.amazon.awssdk.request", Level.INFO)).isFalse();
        assertThat(levels.isEnabled("dev.fnbundle.orders", Level.INFO)).isTrue();
        var debug = LogLevels.fromEnvironment(Map.of("LOG_LEVEL", "debug"));
        assertThat(debug.isEnabled("software.amazon.awssdk.request", Level.DEBUG)).isTrue();
        assertThat(LogLevels.fromEnvironment(Map.of("LOG_LEVEL", "nonsense")).ownLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void disabled_levels_write_nothing() {
        new JsonLogger("dev.fnbundle.x", levels, writer).debug("hidden {}", List.of(1));
        writer.write(new LogRecord(Level.INFO, "x", "shown", List.of(new KeyValuePair("k", "v")), null));

        assertThat(output().lines()).hasSize(1);
    }
}
