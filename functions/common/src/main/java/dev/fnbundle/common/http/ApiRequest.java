package dev.fnbundle.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.idempotency.IdempotencyKey;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.problem.Problem;
import dev.fnbundle.common.problem.ProblemException;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.common.validation.Validation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP API (payload format 2.0) request, as a handler sees it: path and query parameters, headers by
 * case-insensitive name, a size-limited body, and the JWT claims the authorizer verified.
 */
public final class ApiRequest {
    /** Longest {@code Idempotency-Key} accepted; a UUID needs 36. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 256;

    private final APIGatewayV2HTTPEvent event;
    private final String routeKey;
    private final Map<String, String> pathParameters;
    private final String requestId;

    ApiRequest(APIGatewayV2HTTPEvent event, String routeKey, Map<String, String> pathParameters, String requestId) {
        this.event = event;
        this.routeKey = routeKey;
        this.pathParameters = pathParameters;
        this.requestId = requestId;
    }

    /** The matched route, e.g. {@code POST /runs/{id}/done}. */
    public String routeKey() {
        return routeKey;
    }

    /** The path as the client sent it, e.g. {@code /runs/r-1/done}. */
    public String path() {
        return event.getRawPath();
    }

    /** The Lambda request id of this invocation (also on every log line and in every problem). */
    public String requestId() {
        return requestId;
    }

    /** A path parameter of the matched route; the router guarantees every declared one is present. */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidFieldsException(name, "is required in the path");
        }
        return value;
    }

    /**
     * The {@code Idempotency-Key} header, when the client sent one, scoped to this route, its path parameters and
     * the caller (the JWT {@code sub}): the same key sent to {@code /baselines/A/audit} and {@code /baselines/B/audit},
     * or by two callers, names different operations.
     *
     * @throws InvalidFieldsException when it is blank, longer than {@value #MAX_IDEMPOTENCY_KEY_LENGTH}
     *                                characters or holds control characters (a 400)
     */
    public Optional<IdempotencyKey> idempotencyKey() {
        Optional<String> key = header("idempotency-key");
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (key.get().isBlank() || key.get().length() > MAX_IDEMPOTENCY_KEY_LENGTH
                || key.get().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidFieldsException("Idempotency-Key", "must be 1-" + MAX_IDEMPOTENCY_KEY_LENGTH
                    + " visible characters");
        }
        // Percent-encoding keeps the parts apart: no parameter value can imitate a separator or another part.
        var scope = new StringBuilder(routeKey);
        new TreeMap<>(pathParameters).forEach((name, value) -> scope.append(' ').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        String caller = claims().get("sub");
        if (caller != null) {
            scope.append(" sub=").append(URLEncoder.encode(caller, StandardCharsets.UTF_8));
        }
        return Optional.of(new IdempotencyKey(scope.toString(), key.get()));
    }

    /** A query-string parameter; API Gateway joins repeated ones with commas. */
    public Optional<String> query(String name) {
        Map<String, String> query = event.getQueryStringParameters();
        return Optional.ofNullable(query == null ? null : query.get(name));
    }

    /**
     * The {@code limit} query parameter of a paged listing: {@code fallback} when absent or empty.
     *
     * @throws InvalidFieldsException unless it is an integer from 1 to {@code max}
     */
    public int limit(int fallback, int max) {
        String value = query("limit").map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new InvalidFieldsException("limit", "must be an integer between 1 and " + max);
    }

    /** A header by case-insensitive name (API Gateway already lower-cases them; test events may not). */
    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        if (value != null) {
            return Optional.of(value);
        }
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The verified JWT claims (empty when the route has no authorizer, e.g. in a unit test). */
    public Map<String, String> claims() {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    /**
     * The body as bytes, base64-decoded when API Gateway encoded it.
     *
     * @throws ProblemException 413 when the decoded body is longer than {@code maxBytes}
     * @throws InvalidFieldsException for bad base64
     */
    public byte[] body(int maxBytes) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            // Reject on the encoded length first so a huge body is never decoded.
            if ((long) body.length() / 4 * 3 > (long) maxBytes + 2) {
                throw tooLarge(maxBytes);
            }
            try {
                byte[] bytes = Base64.getMimeDecoder().decode(body);
                if (bytes.length > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                return bytes;
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldsException("body", "is marked base64 but is not valid base64");
            }
        }
        if (body.length() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return bytes;
    }

    /** The body as UTF-8 text, within {@code maxBytes}. */
    public String text(int maxBytes) {
        String body = event.getBody();
        if (body != null && !event.getIsBase64Encoded() && body.length() <= maxBytes / 3) {
            return body;
        }
        return new String(body(maxBytes), StandardCharsets.UTF_8);
    }

    /**
     * The body's text as UTF-8 bytes, when the event reader kept them ({@link ApiEventReader}: a text body, not
     * base64, decoded from the event as well-formed UTF-8, so it holds no lone surrogate): exactly
     * {@code text(maxBytes)} encoded, without that String made. Empty otherwise; then read {@link #text}. The bytes
     * are the first {@link Utf8Buffer#length()} of {@link Utf8Buffer#bytes()}, the reader's own buffer, not cut to
     * their length (for a body of megabytes, a copy of a few tenths of a millisecond), and must not be modified.
     *
     * @throws ProblemException 413 when the body is longer than {@code maxBytes}
     */
    public Optional<Utf8Buffer> utf8Text(int maxBytes) {
        Utf8Buffer buffer = event instanceof Utf8BodyEvent kept && !event.getIsBase64Encoded()
                ? kept.utf8Buffer() : null;
        if (buffer != null && buffer.length() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return Optional.ofNullable(buffer);
    }

    /** A body's UTF-8 bytes: the first {@code length} of {@code bytes}. */
    public record Utf8Buffer(byte[] bytes, int length) {
    }

    /**
     * The body parsed as JSON, within {@code maxBytes}.
     *
     * @throws InvalidFieldsException when the body is missing
     * @throws ProblemException 413 when it is too large
     * @throws dev.fnbundle.common.json.MalformedJsonException when it is not JSON (mapped to 400)
     */
    public JsonNode json(int maxBytes) {
        String text = text(maxBytes);
        if (text.isBlank()) {
            throw new InvalidFieldsException("body", "is required");
        }
        return Json.parse(text);
    }

    /** The body as a JSON object, ready for field-level {@link Validation}. */
    public Validation jsonObject(int maxBytes) {
        return Validation.of(json(maxBytes));
    }

    /** The underlying event, for the rare handler that needs a field this class does not expose. */
    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    private static ProblemException tooLarge(int maxBytes) {
        return new ProblemException(Problem.tooLarge("the body is larger than the " + maxBytes
                + " bytes this endpoint accepts", maxBytes));
    }
}
