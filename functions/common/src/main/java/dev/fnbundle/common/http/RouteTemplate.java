package dev.fnbundle.common.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A route key such as {@code GET /catalogs/{name}/items/{id}}: a method and a path template whose
 * {@code {name}} segments capture one path segment each (and {@code {proxy+}} the rest of the path).
 */
record RouteTemplate(String key, String method, List<String> segments) {

    static RouteTemplate parse(String routeKey) {
        int space = routeKey.indexOf(' ');
        if (space <= 0 || !routeKey.startsWith("/", space + 1)) {
            throw new IllegalArgumentException("a route key is 'METHOD /path', not '" + routeKey + "'");
        }
        String method = routeKey.substring(0, space).toUpperCase(Locale.ROOT);
        return new RouteTemplate(method + routeKey.substring(space), method, split(routeKey.substring(space + 1)));
    }

    /** How many segments are fixed words rather than parameters; more means more specific. */
    long literalSegments() {
        return segments.stream().filter(s -> !s.startsWith("{")).count();
    }

    /** The path parameters when {@code path} fits this template (ignoring the method), else empty. */
    Optional<Map<String, String>> match(String path) {
        List<String> actual = split(path);
        var parameters = new LinkedHashMap<String, String>();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            if (expected.startsWith("{") && expected.endsWith("+}")) {
                if (i >= actual.size()) {
                    return Optional.empty();
                }
                String name = expected.substring(1, expected.length() - 2);
                parameters.put(name, String.join("/", actual.subList(i, actual.size())));
                return Optional.of(parameters);
            }
            if (i >= actual.size()) {
                return Optional.empty();
            }
            String segment = actual.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                parameters.put(expected.substring(1, expected.length() - 1), PathDecoder.decode(segment));
            } else if (!expected.equals(segment)) {
                return Optional.empty();
            }
        }
        return actual.size() == segments.size() ? Optional.of(parameters) : Optional.empty();
    }

    private static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }
}
