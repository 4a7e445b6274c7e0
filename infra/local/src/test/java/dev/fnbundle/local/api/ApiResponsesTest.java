package dev.fnbundle.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A function's answer becomes the response API Gateway would send, and reading its body straight from the answer's
 * bytes changes nothing: status, headers and body bytes equal those of reading the whole answer as a JSON tree
 * (the way this runtime read it before, kept here as the reference), for awkward bodies of every kind.
 */
class ApiResponsesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> BODY_VALUES = List.of("\"\"", "\"plain text\"", "\"{\\\"order\\\":[\\\"a\\\"]}\"",
            "\"tab\\tnew\\nline\\r\\b\\f\\/\"", "\"\\u00e9\\u20AC \\ud83d\\ude00 é€😀\"", "\"lone \\ud800 high\"",
            "\"lone \\udc00 low\"", "\"\\u0000 nul\"", "null", "42", "true", "{\"nested\":\"object\"}", "[1,2]",
            "\"bad \\x escape\"", "\"raw \u0001 control\"", "\"aGVsbG8=\"", "\"not base64!\"", "\"\\ud83d\\u0041\"");

    @Test
    void every_kind_of_body_field_maps_as_the_tree_maps_it() {
        for (String body : BODY_VALUES) {
            for (String base64 : List.of("", ",\"isBase64Encoded\":true", ",\"isBase64Encoded\":\"true\"")) {
                assertMapsAsTree("{\"statusCode\":201,\"body\":" + body + base64 + "}");
                assertMapsAsTree("{\"body\":" + body + base64 + ",\"statusCode\":\"404\"}");
            }
        }
    }

    @Test
    void headers_cookies_repeated_fields_and_answers_that_are_not_responses_map_as_the_tree_maps_them() {
        for (String answer : List.of("{\"statusCode\":200,\"headers\":{\"X-A\":\"1\",\"x-b\":2,\"content-type\":"
                        + "\"text/plain\"},\"multiValueHeaders\":{\"x-m\":[\"a\",\"b\"]},\"cookies\":[\"c=1\",\"d=2\"],"
                        + "\"body\":\"hi\"}",
                "{\"statusCode\":200,\"body\":\"first\",\"body\":\"second\"}",
                "{\"statusCode\":200,\"body\":\"first\",\"body\":null}",
                "{\"statusCode\":200,\"body\":7,\"body\":\"last\"}",
                "{\"statusCode\":200,\"body\":\"ok\"} trailing", "{\"body\":\"no status\"}", "[1,2,3]", "\"text\"",
                "", "not json", "{\"statusCode\":200,\"body\":\"unterminated", "{\"statusCode\":204}")) {
            assertMapsAsTree(answer);
        }
    }

    @Test
    void random_bodies_of_escapes_multibyte_text_and_malformed_bytes_map_as_the_tree_maps_them() {
        var random = new Random(31);
        String[] pieces = {"\\\"", "\\\\", "\\/", "\\n", "\\u00e9", "\\uD83D\\uDE00", "\\ud800", "a", "n12345", " ",
            "é", "😀", "\\u0041", "\\q"};
        for (int i = 0; i < 5_000; i++) {
            var text = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                text.append(pieces[random.nextInt(3) == 0 ? random.nextInt(pieces.length) : 7 + random.nextInt(2)]);
            }
            byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
            if (body.length > 0 && random.nextInt(10) == 0) {
                body[random.nextInt(body.length)] = (byte) (0x80 + random.nextInt(0x80)); // malformed UTF-8
            }
            byte[] head = "{\"statusCode\":200,\"body\":\"".getBytes(StandardCharsets.UTF_8);
            byte[] answer = Arrays.copyOf(head, head.length + body.length + 2);
            System.arraycopy(body, 0, answer, head.length, body.length);
            answer[answer.length - 2] = '"';
            answer[answer.length - 1] = '}';
            assertMapsAsTree(answer);
        }
    }

    private static void assertMapsAsTree(String answer) {
        assertMapsAsTree(answer.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMapsAsTree(byte[] answer) {
        String description = new String(answer, StandardCharsets.UTF_8) + " / " + HexFormat.of().formatHex(answer);
        var headers = new Headers();
        var treeHeaders = new Headers();
        Object mapped = outcome(() -> ApiResponses.map(answer, headers));
        Object tree = outcome(() -> mapAsTree(answer, treeHeaders));
        assertThat(mapped).as(description).isEqualTo(tree);
        assertThat(headers).as(description).isEqualTo(treeHeaders);
    }

    /** The status and exact body bytes, or the exception's type (a base64 body that is not base64: a 500). */
    private static Object outcome(java.util.function.Supplier<ApiResponses.Mapped> map) {
        try {
            ApiResponses.Mapped mapped = map.get();
            return mapped.status() + " " + HexFormat.of().formatHex(mapped.body(), 0, mapped.length());
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    /** The reference: the whole answer read as a tree, as the runtime read it before. */
    private static ApiResponses.Mapped mapAsTree(byte[] payload, Headers headers) {
        JsonNode result;
        try {
            result = MAPPER.readTree(payload);
        } catch (IOException e) {
            result = null;
        }
        if (result == null || !result.isObject() || !result.has("statusCode")) {
            headers.set("content-type", "application/json");
            byte[] text = new String(payload, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            return new ApiResponses.Mapped(200, text, text.length);
        }
        result.path("headers").properties().forEach(h -> headers.set(h.getKey(), h.getValue().asText()));
        result.path("multiValueHeaders").properties().forEach(h -> h.getValue()
                .forEach(v -> headers.add(h.getKey(), v.asText())));
        result.path("cookies").forEach(c -> headers.add("set-cookie", c.asText()));
        JsonNode body = result.get("body");
        byte[] bytes = body == null || body.isNull() ? new byte[0]
                : result.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body.asText())
                : body.asText().getBytes(StandardCharsets.UTF_8);
        if (!headers.containsKey("content-type") && bytes.length > 0) {
            headers.set("content-type", "application/json");
        }
        return new ApiResponses.Mapped(result.path("statusCode").asInt(200), bytes, bytes.length);
    }
}
