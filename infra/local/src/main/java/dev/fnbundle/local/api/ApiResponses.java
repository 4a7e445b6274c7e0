package dev.fnbundle.local.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Maps a function's return value to the HTTP response, per the payload format 2.0 rules: an object with a
 * {@code statusCode} gives the status, headers, cookies and body (base64-decoded when it says so); any other JSON
 * is answered 200 as it is.
 *
 * <p>The answer is read field by field: every field but a text body goes into a JSON tree, and the rules read it
 * from there; a text body, nearly all of a large answer, is decoded from the answer's bytes straight to the bytes
 * sent ({@link JsonStringUnescaper}), without the String that the tree would make of it and the copy encoded back.
 * Where that decoder does not give the tree's exact answer (a lone surrogate escape, which the String path turns
 * into {@code ?}; malformed text, which the tree refuses) the body goes into the tree like the other fields.
 */
final class ApiResponses {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] NO_BODY = new byte[0];

    private ApiResponses() {
    }

    static void write(HttpExchange exchange, byte[] payload, Consumer<HttpExchange> cors, ServerTiming timing)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        Mapped response = map(payload, headers);
        timing.end("response");
        timing.writeTo(headers);
        cors.accept(exchange);
        exchange.sendResponseHeaders(response.status(), response.length() == 0 ? -1 : response.length());
        if (response.length() > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body(), 0, response.length());
            }
        }
    }

    /**
     * The status and body of the response to {@code payload}, its headers put into {@code headers}.
     *
     * @throws IllegalArgumentException when the answer says its body is base64 and it is not (a 500)
     */
    static Mapped map(byte[] payload, Headers headers) {
        Answer answer = read(payload);
        if (answer == null) {
            // A function may return any JSON; API Gateway then answers 200 with it as the body.
            headers.set("content-type", "application/json");
            // as text: malformed UTF-8 is sent as U+FFFD, as decoding it to a String and back does
            byte[] text = Utf8.isValid(payload) ? payload : new String(payload, StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8);
            return new Mapped(200, text, text.length);
        }
        JsonNode result = answer.fields();
        result.path("headers").properties().forEach(h -> headers.set(h.getKey(), h.getValue().asText()));
        result.path("multiValueHeaders").properties().forEach(h -> h.getValue()
                .forEach(v -> headers.add(h.getKey(), v.asText())));
        result.path("cookies").forEach(c -> headers.add("set-cookie", c.asText()));
        int status = result.path("statusCode").asInt(200);
        Mapped body = answer.body(status, result.path("isBase64Encoded").asBoolean(false));
        if (!headers.containsKey("content-type") && body.length() > 0) {
            headers.set("content-type", "application/json");
        }
        return body;
    }

    /** The response's status and body: the first {@code length} bytes of {@code body}. */
    record Mapped(int status, byte[] body, int length) {
    }

    /**
     * A function's answer object: its fields but a text body, and that body's bytes when it was one (decoded from
     * the answer's bytes; null when the body is in the fields: absent, not a string, or one the decoder left to the
     * tree).
     */
    record Answer(ObjectNode fields, JsonStringUnescaper.Decoded textBody) {
        Mapped body(int status, boolean base64) {
            if (textBody != null && !base64) {
                return new Mapped(status, textBody.bytes(), textBody.length());
            }
            if (textBody != null) {
                byte[] bytes = Base64.getDecoder().decode(Arrays.copyOf(textBody.bytes(), textBody.length()));
                return new Mapped(status, bytes, bytes.length);
            }
            JsonNode body = fields.get("body");
            if (body == null || body.isNull()) {
                return new Mapped(status, NO_BODY, 0);
            }
            byte[] bytes = base64 ? Base64.getDecoder().decode(body.asText())
                    : body.asText().getBytes(StandardCharsets.UTF_8);
            return new Mapped(status, bytes, bytes.length);
        }
    }

    /** The answer as an object with a {@code statusCode}, or null when it is not one (answered as it is). */
    static Answer read(byte[] payload) {
        try (JsonParser json = MAPPER.createParser(payload)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ObjectNode fields = MAPPER.createObjectNode();
            JsonStringUnescaper.Decoded textBody = null;
            for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
                boolean body = name.equals("body");
                if (json.nextToken() == JsonToken.VALUE_STRING && body) {
                    // the parser has not decoded the string yet, and skips it when asked for the next field
                    int quote = (int) json.currentTokenLocation().getByteOffset();
                    textBody = JsonStringUnescaper.decode(payload, quote);
                    if (textBody != null) {
                        fields.remove("body");
                        continue;
                    }
                }
                if (body) {
                    textBody = null; // a repeated field counts as its last value, as in the tree
                }
                fields.set(name, MAPPER.readTree(json));
            }
            if (json.currentToken() != JsonToken.END_OBJECT) {
                return null;
            }
            return fields.has("statusCode") ? new Answer(fields, textBody) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
