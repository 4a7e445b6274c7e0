package dev.fnbundle.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.http.HttpApiHandler;
import dev.fnbundle.common.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Invokes an {@link HttpApiHandler} with an event's bytes, as Lambda's runtime client does, and checks that the
 * answer is the one its typed method gives for the event the runtime client's serializer reads from those bytes.
 */
public final class StreamEntry {
    private StreamEntry() {
    }

    /**
     * Sends the sample event {@code resource} (e.g. "order-resolver/resolve-seed.json") both ways and asserts the
     * same status, headers, cookies, body (as JSON when it is JSON) and base64 flag.
     *
     * @return the answer the stream entry point wrote
     */
    public static JsonNode answersAsTyped(HttpApiHandler handler, String resource, Context context) {
        byte[] event = bytes(resource);
        var out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode streamed = Json.parse(out.toString(StandardCharsets.UTF_8));
        APIGatewayV2HTTPResponse typed = handler.handleRequest(LambdaEventSerializers.serializerFor(
                APIGatewayV2HTTPEvent.class, StreamEntry.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(event)), context);
        assertThat(streamed.get("statusCode").asInt()).as(resource).isEqualTo(typed.getStatusCode());
        assertThat(streamed.get("headers")).as(resource).isEqualTo(Json.mapper().valueToTree(typed.getHeaders()));
        assertThat(streamed.path("cookies").isMissingNode() ? null : streamed.get("cookies")).as(resource)
                .isEqualTo(typed.getCookies() == null ? null : Json.mapper().valueToTree(typed.getCookies()));
        assertThat(streamed.get("isBase64Encoded").asBoolean()).isEqualTo(typed.getIsBase64Encoded());
        String body = streamed.path("body").isMissingNode() ? null : streamed.get("body").asText();
        if (body != null && typed.getBody() != null && body.startsWith("{")) {
            assertThat(Json.parse(body)).as(resource).isEqualTo(Json.parse(typed.getBody()));
        } else {
            assertThat(body).as(resource).isEqualTo(typed.getBody());
        }
        return streamed;
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = StreamEntry.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample event " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
