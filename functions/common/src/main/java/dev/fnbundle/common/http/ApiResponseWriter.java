package dev.fnbundle.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes an HTTP API payload format 2.0 response as JSON straight to the invocation's output stream, the fields
 * API Gateway reads: {@code statusCode}, {@code headers}, {@code multiValueHeaders}, {@code cookies},
 * {@code body} and {@code isBase64Encoded}. A null field is left out, which API Gateway reads as the Lambda
 * runtime client's {@code null}.
 */
public final class ApiResponseWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private ApiResponseWriter() {
    }

    /** Writes {@code response} to {@code out}, which is flushed and left open. */
    public static void write(APIGatewayV2HTTPResponse response, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeNumberField("statusCode", response.getStatusCode());
            writeTextMap(json, "headers", response.getHeaders());
            if (response.getMultiValueHeaders() != null) {
                json.writeObjectFieldStart("multiValueHeaders");
                for (Map.Entry<String, List<String>> header : response.getMultiValueHeaders().entrySet()) {
                    writeTexts(json, header.getKey(), header.getValue());
                }
                json.writeEndObject();
            }
            writeTexts(json, "cookies", response.getCookies());
            if (response instanceof EscapedBodyResponse escapedResponse && escapedResponse.escaped() != null) {
                // Already escaped as writeString would escape it: copied as it is, no String, no second pass.
                EscapedJson body = escapedResponse.escaped();
                json.writeFieldName("body");
                json.writeRawUTF8String(body.bytes(), 0, body.length());
            } else if (response.getBody() != null) {
                json.writeStringField("body", response.getBody());
            }
            json.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
            json.writeEndObject();
        }
    }

    private static void writeTextMap(JsonGenerator json, String name, Map<String, String> map) throws IOException {
        if (map == null) {
            return;
        }
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    private static void writeTexts(JsonGenerator json, String name, List<String> values) throws IOException {
        if (values == null) {
            return;
        }
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
