package dev.fnbundle.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.problem.Problem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP API answer as an immutable value: status, headers (lower-case names, in the order they were added) and
 * body. Built by the factories and {@link #header}, which returns a copy:
 *
 * <pre>{@code
 * return ApiResponse.created("/baselines/" + name, view).header("etag", tag);
 * }</pre>
 *
 * <p>Every factory names the content type and marks the answer {@code no-store}: answers carry per-user data and
 * must not be cached by intermediaries. The {@link Router} turns the value into API Gateway's
 * {@link APIGatewayV2HTTPResponse} once, at the handler boundary ({@link #toGatewayResponse()}).
 *
 * @param status  the HTTP status
 * @param headers header names in lower case; unmodifiable, never null
 * @param body    the body, or null for none
 */
public record ApiResponse(int status, Map<String, String> headers, String body) {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public ApiResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        var copy = new LinkedHashMap<String, String>();
        headers.forEach((name, value) -> copy.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, name)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** 200 with a JSON body. */
    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    /** 201 with a JSON body and the location of the new resource. */
    public static ApiResponse created(String location, Object body) {
        return json(201, body).header("location", location);
    }

    /** 204 without a body. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of("cache-control", "no-store"), null);
    }

    /** Any status with a JSON body. */
    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, headers(JSON), Json.write(body));
    }

    /** Any status with a text body of the given media type (a charset parameter is added for text/*). */
    public static ApiResponse text(int status, String mediaType, String body) {
        String contentType = mediaType.startsWith("text/") && !mediaType.contains("charset")
                ? mediaType + "; charset=utf-8" : mediaType;
        return new ApiResponse(status, headers(contentType), body);
    }

    /** A problem+json answer carrying the request path and id, and the headers the problem asks for. */
    public static ApiResponse problem(Problem problem, String instance, String requestId) {
        var headers = headers(PROBLEM_JSON);
        headers.putAll(problem.headers());
        return new ApiResponse(problem.status(), headers, Json.write(problem.toBody(instance, requestId)));
    }

    /** A copy with one more header (its name lower-cased), replacing a header of the same name. */
    public ApiResponse header(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, name));
        return new ApiResponse(status, copy, body);
    }

    /** A new API Gateway (payload format 2.0) response with this status, headers and body; not base64. */
    public APIGatewayV2HTTPResponse toGatewayResponse() {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(new LinkedHashMap<>(headers))
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    private static Map<String, String> headers(String contentType) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("content-type", contentType);
        headers.put("cache-control", "no-store");
        return headers;
    }
}
