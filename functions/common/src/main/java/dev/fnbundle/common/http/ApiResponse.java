package dev.fnbundle.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
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
 * <p>A JSON body is held already escaped for the response's JSON ({@link EscapedJson}): serialized once, straight
 * to the bytes the stream entry point copies into its answer, and made a String only when asked for one.
 */
public final class ApiResponse {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private final int status;
    private final Map<String, String> headers;
    /**
     * The body as a String, when it was given as one or has been asked for; null until then or for none. Made from
     * {@link #escaped} at most once per thread that asks (a String is safely published), so the value is immutable
     * to every caller.
     */
    private String body;
    /** The body escaped for the response's JSON; null for a body given as a String or for none. */
    private final EscapedJson escaped;

    /**
     * @param status  the HTTP status
     * @param headers header names (lower-cased here), in the order given
     * @param body    the body, or null for none
     */
    public ApiResponse(int status, Map<String, String> headers, String body) {
        this(status, headers, body, null);
    }

    private ApiResponse(int status, Map<String, String> headers, String body, EscapedJson escaped) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        var copy = new LinkedHashMap<String, String>();
        headers.forEach((name, value) -> copy.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, name)));
        this.status = status;
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body;
        this.escaped = escaped;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Header names in lower case; unmodifiable, never null. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body, or null for none. */
    public String body() {
        if (body == null && escaped != null) {
            body = escaped.text();
        }
        return body;
    }

    /** 200 with a JSON body. */
    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    /**
     * 200 with a JSON body written by hand ({@link EscapedJsonBuilder}): for a large answer whose shape is fixed,
     * where going through the shared mapper costs a second pass over every string.
     */
    public static ApiResponse ok(EscapedJsonBuilder body) {
        return new ApiResponse(200, headers(JSON), null, body.build());
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
        return new ApiResponse(status, headers(JSON), null, EscapedJson.of(body));
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
        return new ApiResponse(problem.status(), headers, null, EscapedJson.of(problem.toBody(instance, requestId)));
    }

    /** A copy with one more header (its name lower-cased), replacing a header of the same name. */
    public ApiResponse header(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, name));
        return new ApiResponse(status, copy, body, escaped);
    }

    /**
     * A new API Gateway (payload format 2.0) response with this status, headers and body; not base64. A JSON body
     * stays escaped bytes ({@link EscapedBodyResponse}) until something asks for it as a String.
     */
    public APIGatewayV2HTTPResponse toGatewayResponse() {
        APIGatewayV2HTTPResponse response;
        if (body == null && escaped != null) {
            response = new EscapedBodyResponse(escaped);
        } else {
            response = new APIGatewayV2HTTPResponse();
            response.setBody(body);
        }
        response.setStatusCode(status);
        response.setHeaders(new LinkedHashMap<>(headers));
        response.setIsBase64Encoded(false);
        return response;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiResponse that && status == that.status && headers.equals(that.headers)
                && Objects.equals(body(), that.body());
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, body());
    }

    @Override
    public String toString() {
        return "ApiResponse[status=" + status + ", headers=" + headers + ", body=" + body() + "]";
    }

    private static Map<String, String> headers(String contentType) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("content-type", contentType);
        headers.put("cache-control", "no-store");
        return headers;
    }
}
