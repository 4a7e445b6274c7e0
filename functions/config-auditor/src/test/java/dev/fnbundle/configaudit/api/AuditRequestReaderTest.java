package dev.fnbundle.configaudit.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.json.MalformedJsonException;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.configaudit.audit.AuditRequest;
import dev.fnbundle.configaudit.difflib.TextLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reader of {@code POST /audits} bodies gives what the tree path gave (the handler's old
 * {@code isBlank} check, {@code Json.parse}, {@link AuditRequests#audit(com.fasterxml.jackson.databind.JsonNode)}):
 * the same request, or the same error with the same fields and details.
 */
class AuditRequestReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\":\"app\",\"baseline\":\"a = 1\\n\",\"current\":\"a = 2\\n\",\"format\":\"ini\"}",
        "{\"name\":\"app\",\"baseline\":\"\",\"current\":\"\",\"criticalKeys\":[\"db.*\",\"x\"],\"context\":0,"
                + "\"autojunk\":false}",
        "{\"name\":null,\"baseline\":null,\"current\":\"x\",\"format\":null,\"criticalKeys\":null,\"context\":null,"
                + "\"autojunk\":null}",
        "{\"name\":\"a\",\"name\":\"b\",\"context\":1,\"context\":2}",
        "{\"name\":5,\"name\":\"later wins\"}",
        "{\"extra\":{\"name\":1,\"deep\":[1,{\"a\":[]}]},\"baseline\":\"\\u00e9\\ud83d\\ude00\\t\\\"\"}",
        "{}",
        "  {\"name\":\"app\"}  \n",
        "{\"name\":1}", "{\"baseline\":true}", "{\"current\":[]}", "{\"format\":{}}",
        "{\"criticalKeys\":\"db\"}", "{\"criticalKeys\":[\"a\",1,null,\"b\",{}]}", "{\"criticalKeys\":{}}",
        "{\"context\":1.5}", "{\"context\":\"3\"}", "{\"context\":99999999999}", "{\"context\":-2147483648}",
        "{\"context\":1e2}", "{\"autojunk\":\"true\"}", "{\"autojunk\":0}",
        "{\"name\":1,\"context\":true,\"autojunk\":3}",
        "[]", "\"text\"", "42", "null", "true",
        "{\"name\":\"a\"} {}", "{\"name\":\"a\"} x", "{\"name\":\"a\"", "{\"name\":}", "{name:1}", "{\"a\":1,}",
        "", "   ", "\t\n", "\u2003", "\u001c", "\uFEFF{}", "{\u0000}", "\u0000", "{\"a\":\"\u0000\"}",
        "{\"name\":\"\u00e9\"} \u00e9", "\u00e9", "{\"name\":\"a\u2028b\"}", "{\"context\":-0}",
        "{\"context\":-}", "{\"context\":01}", "{\"context\":123456789}", "{\"context\":1234567890}",
        "{\"context\":-123456789,\"autojunk\":true}", "{\"context\":3 }", "{\"context\":3x}",
        "{\"autojunk\":truex}", "{\"autojunk\":nul}", "{\"name\":nullx}", "{\"name\" : \"a\" , \"current\":\"b\" }",
        "{\"name\":\"a\\u00E9\\u00e9\\uD83D\\ude00\\ud800\\/\\b\\f\\r\\t\"}", "{\"name\":\"\\u00g0\"}",
        "{\"name\":\"\\u00\"}", "{\"name\":\"\\x\"}", "{\"name\":\"a\tb\"}", "{\"name\":\"a\u001fb\"}",
        "{\"name\":\"a\\\"b\\\\\"}", "{\"name\":\"a\\", "{\"name\":\"abc", "{\"nam\\u0065\":\"x\"}",
        "{\"criticalKeys\":[]}", "{\"criticalKeys\":[ \"a\" , \"b\" ]}", "{\"criticalKeys\":[\"a\",]}",
        "{\"criticalKeys\":[\"a\"}", "{\"\":1}", "\f{}", "{}\u00a0", "{\"name\":\"a\"}/**/", "{\"name\":'a'}",
        "{\"format\":\"ini\",\"baseline\":\"\\u0000\"}", "{\"name\":\"\u00ff\u0100\ud800\"}"})
    void a_body_reads_as_the_tree_path_reads_it(String body) {
        assertThat(outcome(() -> AuditRequestReader.read(body)))
                .isEqualTo(outcome(() -> treePath(body)));
        linesAsValidationCutsThem(body);
    }

    @Test
    void random_bodies_built_from_the_request_fields_read_as_the_tree_path_reads_them() {
        Random random = new Random(17);
        String[] fields = {"name", "baseline", "current", "format", "criticalKeys", "context", "autojunk", "other"};
        String[] values = {"\"app\"", "\"a = 1\\r\\nb: \\\"x\\\"\\n\"", "\"\"", "null", "true", "false", "0", "-1",
            "3", "2147483648", "1.0", "[]", "[\"k.*\"]", "[\"a\",\"b\"]", "[1]", "{}", "{\"x\":[1,2]}", "\"\\u00e9\"",
            "\"x\\\\y\\\"\"", "\"\\u20AC\\n\"", " \"sp\" ", "999999999", "-0"};
        for (int n = 0; n < 3000; n++) {
            List<String> members = new ArrayList<>();
            for (int k = random.nextInt(9); k > 0; k--) {
                members.add("\"" + fields[random.nextInt(fields.length)] + "\":" + values[random.nextInt(
                        values.length)]);
            }
            String body = "{" + String.join(",", members) + "}";
            if (random.nextInt(20) == 0) {
                body = body.substring(0, random.nextInt(body.length()));
            }
            String given = body;
            assertThat(outcome(() -> AuditRequestReader.read(given)))
                    .as(body).isEqualTo(outcome(() -> treePath(given)));
        }
    }

    @Test
    void long_strings_with_every_kind_of_character_at_every_offset_read_as_the_tree_path_reads_them() {
        // Pieces of a string's JSON form: plain runs long enough for whole words, and each kind of byte that
        // stops a word (quote, backslash, control, high, '?') at random offsets; refused ones now and then.
        String[] pieces = {"abcdefgh", "key = value-12345", "x", "?", "??", "\\u00e9", "\\u00FF", "\\u0000",
            "\\u20ac", "\\ud83d\\ude00", "\\n", "\\r\\n", "\\t", "\\\\", "\\\"", "\\/", "\\b\\f", "\u00e9", "\u00ff",
            "\u007f", "\u0100", "\u20ac", "\ud83d\ude00"};
        String[] refused = {"\u001f", "\t", "\\x", "\\u00g1", "\\u00", "\\"};
        Random random = new Random(20261207);
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                text.append(random.nextInt(60) == 0 ? refused[random.nextInt(refused.length)]
                        : pieces[random.nextInt(pieces.length)]);
            }
            String tail = random.nextInt(10) == 0 ? "" : "\"}";
            String body = "{\"name\":\"" + "n".repeat(random.nextInt(9)) + "\",\"baseline\":\"" + text + tail;
            assertThat(outcome(() -> AuditRequestReader.read(body)))
                    .as(body).isEqualTo(outcome(() -> treePath(body)));
            linesAsValidationCutsThem(body);
            linesAsValidationCutsThem("{\"current\":\"" + text + "\",\"baseline\":\"\"}");
        }
    }

    @Test
    void a_plain_config_comes_with_its_lines_cut_and_any_other_text_without() {
        AuditRequest plain = AuditRequestReader.read("{\"baseline\":\"a = 1\\n[s]\\nb = ?\",\"current\":\"\"}");
        AuditRequest crlf = AuditRequestReader.read("{\"baseline\":\"a = 1\\r\\n\",\"current\":\"\u00e9\\n\"}");

        assertThat(plain.baselineLines()).containsExactly("a = 1\n", "[s]\n", "b = ?");
        assertThat(plain.currentLines()).isEmpty();
        assertThat(crlf.baselineLines()).isNull();
        assertThat(crlf.currentLines()).isNull();
    }

    /** Lines the reader cut are the lines validation cuts from the text ({@link TextLines#of}). */
    private static void linesAsValidationCutsThem(String body) {
        AuditRequest request;
        try {
            request = AuditRequestReader.read(body);
        } catch (InvalidFieldsException | MalformedJsonException e) {
            return;
        }
        for (TextLines lines : new TextLines[] {request.baselineLines(), request.currentLines()}) {
            if (lines != null) {
                TextLines cut = TextLines.of(lines.text());
                assertThat(lines).as(body).containsExactlyElementsOf(cut);
                assertThat(lines.isPlainAscii()).as(body).isTrue().isEqualTo(cut.isPlainAscii());
                assertThat(lines.breaksOnlyAtLineFeeds()).as(body).isTrue().isEqualTo(cut.breaksOnlyAtLineFeeds());
            }
        }
    }

    /** The handler's reading before the streaming reader. */
    private static Object treePath(String body) {
        if (body.isBlank()) {
            throw new InvalidFieldsException("body", "is required");
        }
        return AuditRequests.audit(Json.parse(body));
    }

    /** The request, or the error as something comparable: its class and what a client sees of it. */
    private static Object outcome(java.util.function.Supplier<Object> read) {
        try {
            return read.get();
        } catch (InvalidFieldsException e) {
            return List.of("invalid", e.errors());
        } catch (MalformedJsonException e) {
            return List.of("malformed", e.getMessage(), e.line(), e.column());
        }
    }
}
