package dev.fnbundle.common.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem: an HTTP status, a stable machine-readable {@code type}, a short {@code title}, a
 * human-readable {@code detail} about this occurrence, and extension members (e.g. {@code errors}, {@code cycle}).
 *
 * <p>Immutable; {@link #with} returns a copy. Never put secrets, stack traces or raw request bodies in a problem.
 */
public final class Problem {
    private static final String TYPE_PREFIX = "urn:fnbundle:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final Map<String, Object> extensions;

    private Problem(int status, String type, String title, String detail, Map<String, Object> extensions) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.title = Objects.requireNonNull(title, "title");
        this.detail = detail;
        this.extensions = Collections.unmodifiableMap(extensions);
    }

    /**
     * A problem of the given status whose type is {@code urn:fnbundle:problem:<slug>}.
     *
     * @param slug lower-case words joined by dashes, stable across releases (clients switch on it)
     */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, TYPE_PREFIX + slug, title, detail, new LinkedHashMap<>());
    }

    /** A copy with one more extension member; members keep insertion order in the JSON body. */
    public Problem with(String member, Object value) {
        if (Objects.equals(member, "type") || Objects.equals(member, "title") || Objects.equals(member, "status")
                || Objects.equals(member, "detail") || Objects.equals(member, "instance")) {
            throw new IllegalArgumentException(member + " is a standard member, not an extension");
        }
        var copy = new LinkedHashMap<>(extensions);
        copy.put(member, value);
        return new Problem(status, type, title, detail, copy);
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
