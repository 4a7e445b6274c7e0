package dev.fnbundle.local.api;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fnbundle.embedded.template.HttpApiSpec;
import dev.fnbundle.local.UserFacingException;
import dev.fnbundle.local.function.AsyncInvocations;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.function.InvocationResult;
import dev.fnbundle.local.function.LoopbackHttpServer;
import dev.fnbundle.local.observe.Trigger;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP API on localhost: matches routes, enforces each route's JWT authorizer (401 like API Gateway),
 * invokes the function with a payload 2.0 event and turns its answer into the HTTP response. Also serves the
 * runtime's own endpoints under {@code /_local/} (registered with {@link #local}) and Lambda's Invoke API at
 * {@code /2015-03-31/functions/{name}/invocations}, neither of which needs a token, so both are behind the
 * {@link BrowserGuard}.
 */
public final class HttpApiGateway implements AutoCloseable {
    /** API Gateway's payload limit for HTTP APIs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final HttpServer server;
    private final Map<String, FunctionPool> pools;
    private final JwtAuthority authority;
    /** The routes and CORS policy, replaced together when the template changes under {@code --watch}. */
    private volatile Routing routing;
    private final LambdaInvokeApi invokeApi;
    private final String accountId;
    private final Map<String, LocalRoute> localRoutes = new ConcurrentHashMap<>();

    /**
     * One of the runtime's own endpoints under {@code /_local/}. It runs after the {@link BrowserGuard}, on a
     * virtual thread, and answers every request it is given (404/405 included).
     */
    @FunctionalInterface
    public interface LocalRoute {
        void handle(HttpExchange exchange) throws IOException;
    }

    /**
     * Starts listening on {@code port} (0 for a free one) on 127.0.0.1.
     *
     * @throws UserFacingException when the port is in use
     */
    public HttpApiGateway(int port, RouteTable routes, HttpApiSpec.Cors cors, Map<String, FunctionPool> pools,
                          JwtAuthority authority, AsyncInvocations async, String accountId) {
        this.routing = new Routing(routes, CorsPolicy.of(cors));
        this.pools = pools;
        this.authority = authority;
        this.invokeApi = new LambdaInvokeApi(pools, async, "us-east-1", accountId);
        this.accountId = accountId;
        try {
            server = LoopbackHttpServer.create(port, 128);
        } catch (BindException e) {
            throw new UserFacingException("port " + port + " is in use; stop what is using it or pass --port N");
        } catch (IOException e) {
            throw new UserFacingException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private record Routing(RouteTable routes, CorsPolicy cors) {
    }

    /** Serves {@code routes} and {@code cors} from now on (a request being served keeps the ones it matched). */
    public void reroute(RouteTable routes, HttpApiSpec.Cors cors) {
        this.routing = new Routing(routes, CorsPolicy.of(cors));
    }

    /** The routes served now. */
    public RouteTable routes() {
        return routing.routes();
    }

    /**
     * Serves {@code prefix} (e.g. {@code /_local/health}, or {@code /_local/console/} for a tree) with
     * {@code route}; the longest registered prefix of a path wins.
     *
     * @throws IllegalArgumentException when the prefix is not under {@code /_local/}
     */
    public void local(String prefix, LocalRoute route) {
        if (!prefix.startsWith("/_local/")) {
            throw new IllegalArgumentException("local routes live under /_local/, not " + prefix);
        }
        localRoutes.put(prefix, route);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/_local/")) {
                if (!BrowserGuard.refuses(exchange, port())) {
                    localRoute(exchange, path);
                }
            } else if (path.startsWith(LambdaInvokeApi.PREFIX)) {
                if (!BrowserGuard.refuses(exchange, port())) {
                    invokeApi.handle(exchange, path);
                }
            } else {
                apiRoute(exchange, path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}");
        }
    }

    /**
     * An API route, in the order API Gateway applies its steps: CORS preflight, route match, authorizer, payload
     * limit and event, the function, its answer. Each step that answers the request itself returns a value saying
     * so (a boolean, or null), so the request path allocates nothing for the split.
     */
    private void apiRoute(HttpExchange exchange, String path) throws IOException, InterruptedException {
        var timing = new ServerTiming();
        Routing current = routing;
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (answeredPreflight(exchange, current.cors(), method)) {
            return;
        }
        Optional<RouteTable.Match> match = current.routes().match(method, path);
        if (match.isEmpty()) {
            apiError(exchange, 404, "Not Found");
            return;
        }
        var route = match.get().route();
        JwtAuthority.Verified token = null;
        if (route.refusedBy() != null || route.authorizer() != null) {
            token = authorizedToken(exchange, route);
            if (token == null) {
                return; // answered 401 or 403
            }
        }
        timing.end("auth");
        byte[] event = event(exchange, method, path, match.get(), token, timing);
        if (event == null) {
            return; // answered 413
        }
        FunctionPool pool = pools.get(route.functionLogicalId());
        if (pool == null) {
            // the template changed while this request was on its way: its function is gone
            apiError(exchange, 404, "Not Found");
            return;
        }
        timing.end("event");
        InvocationResult result = pool.invoke(event, Trigger.route(route.routeKey()));
        timing.end("function");
        answer(exchange, result, timing);
    }

    /** Answers a CORS preflight (204) when the API has a CORS policy; false when this is no preflight to answer. */
    private static boolean answeredPreflight(HttpExchange exchange, CorsPolicy cors, String method)
            throws IOException {
        Headers request = exchange.getRequestHeaders();
        if (cors == null || !CorsPolicy.isPreflight(method, request)) {
            return false;
        }
        cors.preflight(request, exchange.getResponseHeaders());
        send(exchange, 204, null, "");
        return true;
    }

    /**
     * Runs the route's authorizer: the verified token, or null once the request is answered 401 (no valid token,
     * or an authorizer that cannot run locally) or 403 (none of the route's scopes).
     */
    private JwtAuthority.Verified authorizedToken(HttpExchange exchange, RouteTable.Route route) throws IOException {
        if (route.refusedBy() != null) {
            // An authorizer that cannot run locally must not leave its routes open.
            apiError(exchange, 401, "Unauthorized");
            return null;
        }
        JwtAuthority.Verified token = authorize(exchange, route).orElse(null);
        if (token == null) {
            exchange.getResponseHeaders().set("www-authenticate", "Bearer");
            apiError(exchange, 401, "Unauthorized");
            return null;
        }
        if (!route.scopes().isEmpty() && route.scopes().stream().noneMatch(token.scopes()::contains)) {
            exchange.getResponseHeaders().set("www-authenticate", "Bearer scope=\""
                    + String.join(" ", route.scopes()) + "\" error=\"insufficient_scope\" error_description="
                    + "\"the token has none of the route's authorization scopes\"");
            apiError(exchange, 403, "Forbidden");
            return null;
        }
        return token;
    }

    /** Reads the body and builds the payload 2.0 event; null once the request is answered 413 (body too large). */
    private byte[] event(HttpExchange exchange, String method, String path, RouteTable.Match match,
                         JwtAuthority.Verified token, ServerTiming timing) throws IOException {
        byte[] body = HttpExchanges.readBody(exchange, MAX_BODY_BYTES);
        timing.end("body");
        if (body.length > MAX_BODY_BYTES) {
            apiError(exchange, 413, "Request Entity Too Large");
            return null;
        }
        var apiRequest = new ApiEvents.Request(method, path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress());
        return ApiEvents.build(apiRequest, match, token == null ? null : token.claims(),
                token == null ? null : token.scopes(), accountId);
    }

    /** Turns the function's result into the HTTP response: 503 on timeout, 500 on failure, else its answer. */
    private void answer(HttpExchange exchange, InvocationResult result, ServerTiming timing) throws IOException {
        switch (result.outcome()) {
            case TIMEOUT -> apiError(exchange, 503, "Service Unavailable");
            case FUNCTION_ERROR, CRASH -> apiError(exchange, 500, "Internal Server Error");
            default -> ApiResponses.write(exchange, result.payload(), this::corsHeaders, timing);
        }
    }

    private Optional<JwtAuthority.Verified> authorize(HttpExchange exchange, RouteTable.Route route) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : header.trim();
        return authority.verify(token, route.authorizer().issuer(), route.authorizer().audiences());
    }

    /** The gateway's own answer on an API route, as API Gateway words it, with the CORS headers. */
    private void apiError(HttpExchange exchange, int status, String message) throws IOException {
        corsHeaders(exchange);
        send(exchange, status, "application/json", "{\"message\":\"" + message + "\"}");
    }

    private void corsHeaders(HttpExchange exchange) {
        CorsPolicy cors = routing.cors();
        if (cors != null) {
            cors.decorate(exchange.getRequestHeaders(), exchange.getResponseHeaders());
        }
    }

    private void localRoute(HttpExchange exchange, String path) throws IOException {
        String best = null;
        for (String prefix : localRoutes.keySet()) {
            boolean matches = prefix.endsWith("/") ? path.startsWith(prefix) : path.equals(prefix);
            if (matches && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
        } else {
            localRoutes.get(best).handle(exchange);
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("content-type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
