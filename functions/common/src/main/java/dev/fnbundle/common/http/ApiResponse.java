package dev.fnbundle.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.problem.Problem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds HTTP API responses. Every response names its content type and is marked {@code no-store}: answers carry
 * per-user data and must not be cached by intermediaries.
 */
public final class ApiResponse {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private ApiResponse() {
    }

    /** 200 with a JSON body. */
    public static APIGatewayV2HTTPResponse ok(Object body) {
        return json(200, body);
    }

    /** 201 with a JSON body and the location of the new resource. */
    public static APIGatewayV2HTTPResponse created(String location, Object body) {
        var headers = headers(JSON);
        headers.put("location", location);
        return response(201, headers, Json.write(body));
    }

    /** 204 without a body. */
    public static APIGatewayV2HTTPResponse noContent() {
        var headers = new LinkedHashMap<String, String>();
        headers.put("cache-control", "no-store");
        return response(204, headers, null);
    }

    /** Any status with a JSON body. */
    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return response(status, headers(JSON), Json.write(body));
    }

    /** Any status with a text body of the given media type (a charset parameter is added for text/*). */
    public static APIGatewayV2HTTPResponse text(int status, String mediaType, String body) {
        String contentType = mediaType.startsWith("text/") && !mediaType.contains("charset")
                ? mediaType + "; charset=utf-8" : mediaType;
        return response(status, headers(contentType), body);
    }

    /** A problem+json answer carrying the request path and id. */
    public static APIGatewayV2HTTPResponse problem(Problem problem, String instance, String requestId) {
        return response(problem.status(), headers(PROBLEM_JSON), Json.write(problem.toBody(instance, requestId)));
    }

    /** A copy of {@code response} with one more header. */
    public static APIGatewayV2HTTPResponse withHeader(APIGatewayV2HTTPResponse response, String name, String value) {
        var headers = new LinkedHashMap<String, String>();
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        headers.put(name, value);
        response.setHeaders(headers);
        return response;
    }

    private static Map<String, String> headers(String contentType) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("content-type", contentType);
        headers.put("cache-control", "no-store");
        return headers;
    }

    private static APIGatewayV2HTTPResponse response(int status, Map<String, String> headers, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
