package dev.fnbundle.common.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.logging.RequestLogContext;
import dev.fnbundle.common.problem.Problem;
import dev.fnbundle.common.problem.ProblemMapper;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches HTTP API events to route handlers by route key, and is the one place where an invocation is logged
 * and where exceptions become problem+json answers.
 *
 * <p>API Gateway puts the matched route in {@code routeKey}; behind a {@code $default} route, or when a test event
 * carries none, the router matches the method and raw path against its own templates instead. An unknown path is
 * a 404 and a known path with another method a 405, both as problem+json.
 */
public final class Router {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Map<String, Route> routes;
    private final List<Route> mostSpecificFirst;
    private final ProblemMapper problems;

    private Router(Map<String, Route> routes, ProblemMapper problems) {
        this.routes = Map.copyOf(routes);
        // Like API Gateway, prefer literal segments over variables: /feeds/parse before /feeds/{id}.
        this.mostSpecificFirst = routes.values().stream()
                .sorted(Comparator.comparingLong((Route r) -> -r.template().literalSegments()))
                .toList();
        this.problems = problems;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The route keys this router answers, e.g. for a test that compares them with the template. */
    public List<String> routeKeys() {
        return routes.keySet().stream().sorted().toList();
    }

    /** Answers one event; never throws. */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        String requestId = requestId(event, context);
        String method = method(event);
        String path = event.getRawPath() == null ? "/" : event.getRawPath();
        try (var ignored = RequestLogContext.open(requestId, method + " " + path)) {
            ApiResponse response;
            Throwable failure = null;
            try {
                response = dispatch(event, method, path, requestId);
            } catch (Exception | StackOverflowError e) {
                failure = e;
                Problem problem = problems.toProblem(e);
                response = ApiResponse.problem(problem, path, requestId);
            }
            log(method, path, response.status(), started, failure);
            return response.header("x-request-id", requestId).toGatewayResponse();
        }
    }

    private ApiResponse dispatch(APIGatewayV2HTTPEvent event, String method, String path, String requestId)
            throws Exception {
        Route route = routes.get(event.getRouteKey());
        Map<String, String> parameters;
        if (route != null) {
            parameters = event.getPathParameters() != null ? event.getPathParameters()
                    : route.template().match(path).orElse(Map.of());
        } else {
            var match = find(method, path);
            if (match.isEmpty()) {
                return unmatched(method, path, requestId);
            }
            route = match.get().route();
            parameters = match.get().parameters();
        }
        return route.handler().handle(new ApiRequest(event, route.template().key(), parameters, requestId));
    }

    private Optional<Match> find(String method, String path) {
        for (Route route : mostSpecificFirst) {
            if (route.template().method().equals(method)) {
                var parameters = route.template().match(path);
                if (parameters.isPresent()) {
                    return Optional.of(new Match(route, parameters.get()));
                }
            }
        }
        return Optional.empty();
    }

    private ApiResponse unmatched(String method, String path, String requestId) {
        var allowed = new TreeSet<String>();
        for (Route route : routes.values()) {
            if (route.template().match(path).isPresent()) {
                allowed.add(route.template().method());
            }
        }
        if (allowed.isEmpty()) {
            return ApiResponse.problem(Problem.of(404, "route-not-found", "Not found",
                    "no route for " + method + " " + path), path, requestId);
        }
        return ApiResponse.problem(Problem.of(405, "method-not-allowed", "Method not allowed",
                        method + " is not allowed on " + path + "; use " + String.join(", ", allowed))
                .header("allow", String.join(", ", allowed)), path, requestId);
    }

    private static void log(String method, String path, int status, long started, Throwable failure) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (status >= 500) {
            LOG.error("request failed method={} path={} status={} durationMs={}", method, path, status, millis,
                    failure);
        } else {
            LOG.info("request method={} path={} status={} durationMs={}", method, path, status, millis);
        }
    }

    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (context != null && context.getAwsRequestId() != null) {
            return context.getAwsRequestId();
        }
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        return "unknown";
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                && event.getRequestContext().getHttp().getMethod() != null) {
            return event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        String key = event.getRouteKey();
        return key != null && key.contains(" ") ? key.substring(0, key.indexOf(' ')) : "GET";
    }

    /** Collects routes; a route key appears once. */
    public static final class Builder {
        private final Map<String, Route> routes = new LinkedHashMap<>();
        private ProblemMapper problems = ProblemMapper.standard();

        private Builder() {
        }

        /** Adds a route such as {@code route("POST /runs/{id}/done", this::done)}. */
        public Builder route(String routeKey, RouteHandler handler) {
            RouteTemplate template = RouteTemplate.parse(routeKey);
            if (routes.putIfAbsent(template.key(), new Route(template, handler)) != null) {
                throw new IllegalArgumentException("route " + template.key() + " is declared twice");
            }
            return this;
        }

        /** How this function's domain exceptions become problems. */
        public Builder problems(ProblemMapper mapper) {
            this.problems = mapper;
            return this;
        }

        public Router build() {
            return new Router(routes, problems);
        }
    }

    private record Route(RouteTemplate template, RouteHandler handler) {
    }

    private record Match(Route route, Map<String, String> parameters) {
    }
}
