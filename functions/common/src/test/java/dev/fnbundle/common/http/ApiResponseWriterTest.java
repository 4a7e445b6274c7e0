package dev.fnbundle.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnbundle.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stream entry point writes the answer API Gateway reads from the runtime client's serialization of the same
 * response: the same fields and values (a field the client writes as null is left out, which API Gateway reads the
 * same way).
 */
class ApiResponseWriterTest {
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RIC = LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPResponse.class, ApiResponseWriterTest.class.getClassLoader());

    @Test
    void a_json_answer_with_headers_matches_the_runtime_clients_serialization() throws IOException {
        var headers = new LinkedHashMap<String, String>();
        headers.put("content-type", "application/json");
        headers.put("x-quoted", "a \"b\" \\ \u00e9 \u0001");
        var response = APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers)
                .withBody("{\"order\":[\"caf\u00e9\",\"\ud83d\ude00\",\"line\\nbreak\"]}").withIsBase64Encoded(false)
                .build();

        assertSameAsRuntimeClient(response);
    }

    @Test
    void cookies_multi_value_headers_and_a_base64_body_are_written_as_well() throws IOException {
        var response = APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                .withHeaders(Map.of("content-type", "application/octet-stream"))
                .withMultiValueHeaders(Map.of("x-many", List.of("1", "2")))
                .withCookies(List.of("a=1; Path=/", "b=2")).withBody("AAEC/w==").withIsBase64Encoded(true).build();

        JsonNode written = assertSameAsRuntimeClient(response);

        assertThat(written.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(written.get("cookies")).hasSize(2);
    }

    @Test
    void an_answer_without_body_or_headers_leaves_them_out() throws IOException {
        var response = APIGatewayV2HTTPResponse.builder().withStatusCode(204).build();

        JsonNode written = assertSameAsRuntimeClient(response);

        assertThat(written.has("body")).isFalse();
        assertThat(written.get("statusCode").asInt()).isEqualTo(204);
    }

    @Test
    void the_output_stream_stays_open_for_the_runtime_client() throws IOException {
        var out = new ByteArrayOutputStream() {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };

        ApiResponseWriter.write(APIGatewayV2HTTPResponse.builder().withStatusCode(200).build(), out);

        assertThat(out.closed).isFalse();
        assertThat(out.size()).isPositive();
    }

    private static JsonNode assertSameAsRuntimeClient(APIGatewayV2HTTPResponse response) throws IOException {
        var ours = new ByteArrayOutputStream();
        ApiResponseWriter.write(response, ours);
        var theirs = new ByteArrayOutputStream();
        RIC.toJson(response, theirs);
        JsonNode written = Json.parse(ours.toString(StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(withoutNulls(Json.parse(theirs.toString(StandardCharsets.UTF_8))));
        return written;
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(field -> field.getValue().isNull());
        }
        return node;
    }
}
