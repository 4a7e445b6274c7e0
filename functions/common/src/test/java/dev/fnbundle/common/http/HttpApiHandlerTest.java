package dev.fnbundle.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.testing.FakeLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An {@link HttpApiHandler} invoked with bytes, as Lambda's runtime client invokes it, answers what its typed method
 * answers for the same event.
 */
class HttpApiHandlerTest {
    private final Context context = new FakeLambdaContext("api", "req-7");

    @Test
    void the_default_route_answers_a_real_event_with_its_problem_404_through_the_stream() throws IOException {
        byte[] event = resource("/order-resolver/resolve-seed.json");

        JsonNode answer = invoke(new NotFoundHandler(), event);

        assertThat(answer.get("statusCode").asInt()).isEqualTo(404);
        assertThat(answer.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(answer.at("/headers/content-type").asText()).isEqualTo("application/problem+json");
        assertThat(answer.at("/headers/x-request-id").asText()).isEqualTo("req-7");
        JsonNode problem = Json.parse(answer.get("body").asText());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("requestId").asText()).isEqualTo("req-7");
    }

    @Test
    void the_stream_answer_is_the_typed_answer_for_every_field_a_handler_can_set() throws IOException {
        HttpApiHandler handler = (event, ctx) -> APIGatewayV2HTTPResponse.builder().withStatusCode(207)
                .withHeaders(Map.of("content-type", "image/png", "x-path", event.getRawPath(),
                        "x-sub", event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub")))
                .withCookies(List.of("seen=1")).withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(event.getBody().getBytes(StandardCharsets.UTF_8)))
                .build();
        byte[] event = resource("/order-resolver/resolve-seed.json");

        JsonNode streamed = invoke(handler, event);

        var typed = handler.handleRequest(LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
                getClass().getClassLoader()).fromJson(new ByteArrayInputStream(event)), context);
        assertThat(streamed.get("statusCode").asInt()).isEqualTo(207);
        assertThat(streamed.get("headers")).isEqualTo(Json.mapper().valueToTree(typed.getHeaders()));
        assertThat(streamed.get("cookies")).isEqualTo(Json.mapper().valueToTree(typed.getCookies()));
        assertThat(streamed.get("body").asText()).isEqualTo(typed.getBody());
        assertThat(streamed.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(streamed.at("/headers/x-sub").asText()).isEqualTo("local-dev");
    }

    @Test
    void a_base64_request_body_reaches_the_handler_decoded_by_api_request_as_before() throws IOException {
        var seen = new String[1];
        var router = Router.builder().route("POST /echo", request -> {
            seen[0] = new String(request.body(1024), StandardCharsets.UTF_8);
            return ApiResponse.noContent();
        }).build();
        HttpApiHandler handler = router::handle;
        String event = "{\"version\":\"2.0\",\"routeKey\":\"POST /echo\",\"rawPath\":\"/echo\","
                + "\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"/echo\"}},"
                + "\"body\":\"" + Base64.getEncoder().encodeToString("h\u00e9llo".getBytes(StandardCharsets.UTF_8))
                + "\",\"isBase64Encoded\":true}";

        JsonNode answer = invoke(handler, event.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.get("statusCode").asInt()).isEqualTo(204);
        assertThat(answer.has("body")).isFalse();
        assertThat(seen[0]).isEqualTo("h\u00e9llo");
    }

    @Test
    void an_event_that_is_no_json_object_fails_the_invocation() {
        assertThatThrownBy(() -> invoke(new NotFoundHandler(), "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    private JsonNode invoke(HttpApiHandler handler, byte[] event) throws IOException {
        var out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        return Json.parse(out.toString(StandardCharsets.UTF_8));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HttpApiHandlerTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
