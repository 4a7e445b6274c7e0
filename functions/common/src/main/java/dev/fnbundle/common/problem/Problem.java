package dev.fnbundle.common.problem;

import dev.fnbundle.common.validation.FieldError;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An RFC 9457 problem: an HTTP status, a stable machine-readable {@code type}, a short {@code title}, a
 * human-readable {@code detail} about this occurrence, extension members (e.g. {@code errors}, {@code cycle}), and
 * the response headers the answer needs beside its body (e.g. {@code retry-after}).
 *
 * <p>Immutable; {@link #with} and {@link #header} return copies. The factories name the statuses every function
 * shares, so a mapper reads {@code Problem.notFound("no run " + id)}. Never put secrets, stack traces or raw
 * request bodies in a problem.
 */
public final class Problem {
    private static final String TYPE_PREFIX = "urn:fnbundle:problem:";
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");
    /** Headers the response itself sets; a problem may not override them. */
    private static final Set<String> RESERVED_HEADERS = Set.of("content-type", "content-length", "cache-control");

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    private Problem(int status, String type, String title, String detail, Map<String, Object> extensions,
                    Map<String, String> headers) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.title = Objects.requireNonNull(title, "title");
        this.detail = detail;
        this.extensions = Collections.unmodifiableMap(extensions);
        this.headers = Collections.unmodifiableMap(headers);
    }

    /**
     * A problem of the given status whose type is {@code urn:fnbundle:problem:<slug>}.
     *
     * @param slug lower-case words joined by dashes, stable across releases (clients switch on it)
     */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, TYPE_PREFIX + slug, title, detail, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /** 400: the input is invalid; {@code errors} names each field and what is wrong with it. */
    public static Problem invalid(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid-input problem names at least one field");
        }
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).detail()
                : errors.size() + " fields are invalid";
        return of(400, "validation-failed", "Invalid request", detail).with("errors", List.copyOf(errors));
    }

    /** 400 for one field. */
    public static Problem invalid(String field, String detail) {
        return invalid(List.of(new FieldError(field, detail)));
    }

    /** 404: the named resource does not exist. */
    public static Problem notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    /** 409: the request conflicts with the current state of the resource. */
    public static Problem conflict(String detail) {
        return of(409, "conflict", "Conflict", detail);
    }

    /** 413: the body or the work it asks for is larger than this endpoint accepts; {@code limit} states how much. */
    public static Problem tooLarge(String detail, long limit) {
        return of(413, "payload-too-large", "Payload too large", detail).with("limit", limit);
    }

    /** 422: well-formed, but impossible to satisfy; add the specifics with {@link #with}. */
    public static Problem unprocessable(String slug, String title, String detail) {
        return of(422, slug, title, detail);
    }

    /** A copy with one more extension member; members keep insertion order in the JSON body. */
    public Problem with(String member, Object value) {
        if (STANDARD_MEMBERS.contains(member)) {
            throw new IllegalArgumentException(member + " is a standard member, not an extension");
        }
        var copy = new LinkedHashMap<>(extensions);
        copy.put(member, value);
        return new Problem(status, type, title, detail, copy, headers);
    }

    /**
     * A copy that also sets a response header (lower-cased name), e.g. {@code allow} on a 405.
     *
     * @throws IllegalArgumentException for the headers every response sets itself (content type, caching)
     */
    public Problem header(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED_HEADERS.contains(lower)) {
            throw new IllegalArgumentException(lower + " is set by the response, not by a problem");
        }
        var copy = new LinkedHashMap<>(headers);
        copy.put(lower, Objects.requireNonNull(value, "value"));
        return new Problem(status, type, title, detail, extensions, copy);
    }

    /** A copy with {@code Retry-After}: {@link #retryAfterSeconds(Duration) wait in whole seconds}. */
    public Problem retryAfter(Duration wait) {
        return header("retry-after", Long.toString(retryAfterSeconds(wait)));
    }

    /** A wait as {@code Retry-After} states it: whole seconds, rounded up, at least 1 (also for a past instant). */
    public static long retryAfterSeconds(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return 1;
        }
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** May be null. */
    public String detail() {
        return detail;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The response headers this problem needs (lower-case names); often empty, never null. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The JSON body: standard members first, then {@code instance}, {@code requestId}, then the extensions. */
    public Map<String, Object> toBody(String instance, String requestId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        body.putAll(extensions);
        return body;
    }

    @Override
    public String toString() {
        return status + " " + type + (detail == null ? "" : ": " + detail);
    }
}
