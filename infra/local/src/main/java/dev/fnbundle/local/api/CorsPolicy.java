package dev.fnbundle.local.api;

import com.sun.net.httpserver.Headers;
import dev.fnbundle.embedded.template.HttpApiSpec;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP API's CorsConfiguration applied as API Gateway applies it: a preflight ({@code OPTIONS} with
 * {@code Origin} and {@code Access-Control-Request-Method}) is answered by the gateway itself, route or not, token
 * or not; other responses to a request with an allowed {@code Origin} get the configured headers, and CORS
 * headers the function set are dropped. Origins match exactly (case-insensitively), or by {@code *},
 * {@code https://*} or {@code http://*}.
 */
final class CorsPolicy {
    private final HttpApiSpec.Cors cors;

    private CorsPolicy(HttpApiSpec.Cors cors) {
        this.cors = cors;
    }

    /** The policy of an API's configuration; null configuration: none. */
    static CorsPolicy of(HttpApiSpec.Cors cors) {
        return cors == null ? null : new CorsPolicy(cors);
    }

    static boolean isPreflight(String method, Headers request) {
        return method.equals("OPTIONS") && request.getFirst("Origin") != null
                && request.getFirst("Access-Control-Request-Method") != null;
    }

    /** Answers a preflight: 204, with the configured headers when the origin is allowed. */
    void preflight(Headers request, Headers response) {
        String origin = request.getFirst("Origin");
        if (!allowed(origin)) {
            return;
        }
        allowOrigin(origin, response);
        response.set("access-control-allow-methods", listOrEcho(cors.allowMethods(),
                request.getFirst("Access-Control-Request-Method")));
        String requested = request.getFirst("Access-Control-Request-Headers");
        if (!cors.allowHeaders().isEmpty() && (requested != null || !cors.allowHeaders().contains("*"))) {
            response.set("access-control-allow-headers", listOrEcho(cors.allowHeaders(), requested));
        }
        if (cors.maxAgeSeconds() >= 0) {
            response.set("access-control-max-age", Integer.toString(cors.maxAgeSeconds()));
        }
    }

    /** Sets the CORS headers of an actual response, replacing any the function set. */
    void decorate(Headers request, Headers response) {
        response.keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
        String origin = request.getFirst("Origin");
        if (origin == null || !allowed(origin)) {
            return;
        }
        allowOrigin(origin, response);
        if (!cors.exposeHeaders().isEmpty()) {
            response.set("access-control-expose-headers", String.join(",", cors.exposeHeaders()));
        }
    }

    private void allowOrigin(String origin, Headers response) {
        boolean any = cors.allowOrigins().contains("*");
        // A credentialed request cannot use "*": the origin is echoed, as API Gateway does.
        response.set("access-control-allow-origin", any && !cors.allowCredentials() ? "*" : origin);
        if (cors.allowCredentials()) {
            response.set("access-control-allow-credentials", "true");
        }
        response.add("vary", "Origin");
    }

    boolean allowed(String origin) {
        if (origin == null) {
            return false;
        }
        String lower = origin.toLowerCase(Locale.ROOT);
        for (String allowedOrigin : cors.allowOrigins()) {
            String pattern = allowedOrigin.toLowerCase(Locale.ROOT);
            if (pattern.equals("*") || pattern.equals(lower)
                    || pattern.endsWith("://*") && lower.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The configured values, or what was asked for when they include "*". */
    private static String listOrEcho(List<String> configured, String requested) {
        if (configured.contains("*") && requested != null) {
            return requested;
        }
        return String.join(",", configured);
    }
}
