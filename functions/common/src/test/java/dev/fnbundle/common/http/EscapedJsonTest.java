package dev.fnbundle.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fnbundle.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A JSON answer serialized straight to escaped bytes is byte for byte the answer serialized to a String and
 * escaped by the response writer's generator, as before: for every character, paired and lone surrogates, and
 * whole responses.
 */
class EscapedJsonTest {
    /** Quotes, backslashes, every control character, DEL, Latin-1, U+2028/2029, BMP, emoji, lone surrogates. */
    static final List<String> AWKWARD = List.of("plain", "", "a \"quoted\" \\ back\\slash /slash",
            controlCharacters(), "\u007f\u0080\u00e9\u00ff", "line\u2028separator\u2029paragraph",
            "\u4e2d\u6587 \uffff \ufeff", "emoji \ud83d\ude00 and \ud834\udd1e", "lone \ud800 high", "lone \udc00 low",
            "reversed \udc00\ud800", "end high \ud83d", "</script> & <!-- -->");

    @Test
    void every_utf16_code_unit_is_escaped_as_the_generator_escapes_it() throws IOException {
        var all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            all.append((char) c);
        }
        String text = all.toString();

        assertThat(EscapedJson.ofText(text).bytesAsArray()).isEqualTo(generatorEscaped(text));
    }

    @Test
    void a_value_is_escaped_exactly_as_its_json_string_would_be() throws IOException {
        var value = new LinkedHashMap<String, Object>();
        value.put("names", AWKWARD);
        value.put("nested", Map.of("key \"\\\u0001\ud83d\ude00", AWKWARD.reversed()));
        value.put("number", 42);

        assertThat(EscapedJson.of(value).bytesAsArray()).isEqualTo(generatorEscaped(Json.write(value)));
        for (String name : AWKWARD) {
            assertThat(EscapedJson.of(name).bytesAsArray()).as(name).isEqualTo(generatorEscaped(Json.write(name)));
        }
    }

    @Test
    void a_large_value_crossing_the_serializers_buffers_is_escaped_the_same() throws IOException {
        var names = new java.util.ArrayList<String>();
        for (int i = 0; i < 20_000; i++) {
            names.add(AWKWARD.get(i % AWKWARD.size()) + i);
        }

        assertThat(EscapedJson.of(names).bytesAsArray()).isEqualTo(generatorEscaped(Json.write(names)));
    }

    @Test
    void the_text_reads_back_as_the_json_string() {
        for (String name : AWKWARD) {
            assertThat(EscapedJson.of(List.of(name)).text()).isEqualTo(Json.write(List.of(name)));
        }
    }

    @Test
    void a_json_response_is_written_byte_for_byte_as_its_string_body_was() throws IOException {
        for (String name : AWKWARD) {
            var value = Map.of("order", List.of(name, name + name), "n", 2);
            ApiResponse response = ApiResponse.ok(value).header("x-request-id", "r-1");
            APIGatewayV2HTTPResponse escaped = response.toGatewayResponse();
            APIGatewayV2HTTPResponse asString = APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(new LinkedHashMap<>(response.headers())).withBody(Json.write(value))
                    .withIsBase64Encoded(false).build();

            assertThat(escaped).isInstanceOf(EscapedBodyResponse.class);
            assertThat(written(escaped)).as(name).isEqualTo(written(asString));
            assertThat(escaped.getBody()).isEqualTo(Json.write(value));
            assertThat(escaped).isEqualTo(asString);
            assertThat(written(escaped)).as("after the body was decoded").isEqualTo(written(asString));
        }
    }

    @Test
    void a_problem_answer_and_a_text_answer_are_written_as_before() throws IOException {
        var problem = dev.fnbundle.common.problem.Problem.of(404, "route-not-found", "Not found",
                "no route for GET /caf\u00e9 \"\ud83d\ude00\"");
        ApiResponse response = ApiResponse.problem(problem, "/caf\u00e9", "r-1");
        var asString = APIGatewayV2HTTPResponse.builder().withStatusCode(404)
                .withHeaders(new LinkedHashMap<>(response.headers()))
                .withBody(Json.write(problem.toBody("/caf\u00e9", "r-1"))).withIsBase64Encoded(false).build();

        assertThat(written(response.toGatewayResponse())).isEqualTo(written(asString));
        assertThat(response.body()).isEqualTo(asString.getBody());

        ApiResponse text = ApiResponse.text(200, "text/plain", "a \"b\" \ud83d\ude00");
        assertThat(text.toGatewayResponse()).isNotInstanceOf(EscapedBodyResponse.class);
        assertThat(text.toGatewayResponse().getBody()).isEqualTo("a \"b\" \ud83d\ude00");
    }

    @Test
    void a_body_set_on_the_response_replaces_the_escaped_one() throws IOException {
        APIGatewayV2HTTPResponse response = ApiResponse.ok(Map.of("a", 1)).toGatewayResponse();

        response.setBody("AAEC");
        response.setIsBase64Encoded(true);

        assertThat(new String(written(response), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"body\":\"AAEC\"").contains("\"isBase64Encoded\":true");
    }

    private static byte[] written(APIGatewayV2HTTPResponse response) throws IOException {
        var out = new ByteArrayOutputStream();
        ApiResponseWriter.write(response, out);
        return out.toByteArray();
    }

    /** What Jackson's UTF-8 generator writes between the quotes for {@code text} (the response writer's escaping). */
    private static byte[] generatorEscaped(String text) throws IOException {
        var out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeString(text);
        }
        byte[] quoted = out.toByteArray();
        return Arrays.copyOfRange(quoted, 1, quoted.length - 1);
    }

    private static String controlCharacters() {
        var controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        return controls.toString();
    }
}
