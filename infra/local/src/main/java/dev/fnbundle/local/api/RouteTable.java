package dev.fnbundle.local.api;

import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.HttpApiSpec;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.UnsupportedTemplateException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's routes, matched the way API Gateway matches them: the most specific path wins (literal segments
 * over {@code {variables}} over a greedy {@code {proxy+}}), an exact method over {@code ANY}, and the
 * {@code $default} route catches whatever nothing else matches.
 */
public final class RouteTable {
    private final List<Route> routes;
    private final Route defaultRoute;

    /**
     * A route bound to a function, with the JWT authorizer that guards it (null: open route) and the scopes a
     * token needs (any one of them; empty: none).
     *
     * @param refusedBy the name of an authorizer the local runtime cannot run (a Lambda authorizer, AWS_IAM):
     *                  every request is refused with 401, never let through; null otherwise
     */
    public record Route(String routeKey, String method, List<String> segments, String functionLogicalId,
                        HttpApiSpec.JwtAuthorizer authorizer, List<String> scopes, String refusedBy) {
        int specificity() {
            int score = 0;
            for (String segment : segments) {
                score = score * 4 + (segment.endsWith("+}") ? 1 : segment.startsWith("{") ? 2 : 3);
            }
            return score * 2 + (method.equals("ANY") ? 0 : 1);
        }
    }

    /** A matched route and its path parameters. */
    public record Match(Route route, Map<String, String> pathParameters) {
    }

    private RouteTable(List<Route> routes, Route defaultRoute) {
        this.routes = routes;
        this.defaultRoute = defaultRoute;
    }

    /** Every HttpApi event of every function in the model. */
    public static RouteTable from(StackModel model) {
        var routes = new ArrayList<Route>();
        Route fallback = null;
        for (var function : model.functions().values()) {
            for (var event : function.events(EventSpec.HttpApiRoute.class)) {
                HttpApiSpec api = api(model, event);
                String name = authorizerName(api, event.authorizer());
                HttpApiSpec.JwtAuthorizer authorizer = name == null ? null : api.authorizers().get(name);
                String refusedBy = null;
                if (name != null && authorizer == null) {
                    if (!api.unsupportedAuthorizers().containsKey(name) && !name.equals("AWS_IAM")) {
                        throw new UnsupportedTemplateException(function.logicalId() + " event " + event.name()
                                + " names authorizer " + name + ", which HTTP API " + api.logicalId()
                                + " does not declare");
                    }
                    refusedBy = name;
                }
                List<String> scopes = !event.authorizationScopes().isEmpty() ? event.authorizationScopes()
                        : authorizer == null ? List.of() : authorizer.authorizationScopes();
                if (event.path().equals("$default")) {
                    fallback = new Route("$default", "ANY", List.of(), function.logicalId(), authorizer, scopes,
                            refusedBy);
                } else {
                    routes.add(new Route(event.routeKey(), event.method().equals("ANY") ? "ANY" : event.method(),
                            split(event.path()), function.logicalId(), authorizer, scopes, refusedBy));
                }
            }
        }
        routes.sort(Comparator.comparingInt(Route::specificity).reversed());
        return new RouteTable(List.copyOf(routes), fallback);
    }

    public List<Route> routes() {
        return routes;
    }

    /** Every scope a route asks for: what the dev token carries, so that it can call every route. */
    public java.util.Set<String> scopes() {
        var scopes = new java.util.TreeSet<String>();
        routes.forEach(route -> scopes.addAll(route.scopes()));
        defaultRoute().ifPresent(route -> scopes.addAll(route.scopes()));
        return scopes;
    }

    public Optional<Route> defaultRoute() {
        return Optional.ofNullable(defaultRoute);
    }

    /** The route for a request, or empty (API Gateway answers 404). */
    public Optional<Match> match(String method, String path) {
        List<String> actual = split(path);
        for (Route route : routes) {
            if (!route.method().equals("ANY") && !route.method().equals(method)) {
                continue;
            }
            var parameters = bind(route.segments(), actual);
            if (parameters != null) {
                return Optional.of(new Match(route, parameters));
            }
        }
        return defaultRoute().map(route -> new Match(route, Map.of()));
    }

    private static Map<String, String> bind(List<String> template, List<String> actual) {
        var parameters = new LinkedHashMap<String, String>();
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            if (expected.startsWith("{") && expected.endsWith("+}")) {
                if (i >= actual.size()) {
                    return null;
                }
                parameters.put(expected.substring(1, expected.length() - 2),
                        String.join("/", actual.subList(i, actual.size())));
                return parameters;
            }
            if (i >= actual.size()) {
                return null;
            }
            if (expected.startsWith("{") && expected.endsWith("}")) {
                parameters.put(expected.substring(1, expected.length() - 1), actual.get(i));
            } else if (!expected.equals(actual.get(i))) {
                return null;
            }
        }
        return template.size() == actual.size() ? parameters : null;
    }

    private static HttpApiSpec api(StackModel model, EventSpec.HttpApiRoute event) {
        if (event.apiId() == null) {
            return model.apis().values().stream().findFirst().orElse(null);
        }
        return model.apis().values().stream().filter(a -> a.logicalId().equals(event.apiId())
                || "local".equals(event.apiId())).findFirst().orElse(null);
    }

    /** The authorizer guarding a route: its own, else the API's default; null for an open route. */
    private static String authorizerName(HttpApiSpec api, String routeAuthorizer) {
        if (api == null || "NONE".equals(routeAuthorizer)) {
            return null;
        }
        return routeAuthorizer != null ? routeAuthorizer : api.defaultAuthorizer();
    }

    private static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }
}
