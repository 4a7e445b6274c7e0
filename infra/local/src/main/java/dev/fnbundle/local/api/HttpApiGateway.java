package dev.fnbundle.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fnbundle.local.UserFacingException;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.function.InvocationResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * The HTTP API on localhost: matches routes, enforces each route's JWT authorizer (401 like API Gateway),
 * invokes the function with a payload 2.0 event and turns its answer into the HTTP response. Also serves the
 * runtime's own endpoints under {@code /_local/} and Lambda's Invoke API at
 * {@code /2015-03-31/functions/{name}/invocations}, neither of which needs a token.
 */
public final class HttpApiGateway implements AutoCloseable {
    /** API Gateway's payload limit for HTTP APIs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final RouteTable routes;
    private final Map<String, FunctionPool> pools;
    private final JwtAuthority authority;
    private final LocalEndpoints local;
    private final String accountId;

    /** The runtime's own routes, served by the stack. */
    public interface LocalEndpoints {
        /** The health document, and whether every function is ready. */
        Map.Entry<Boolean, Object> health();

        /** Fires a schedule rule now; false when there is no such rule. */
        boolean fire(String rule);
    }

    /**
     * Starts listening on {@code port} (0 for a free one) on 127.0.0.1.
     *
     * @throws UserFacingException when the port is in use
     */
    public HttpApiGateway(int port, RouteTable routes, Map<String, FunctionPool> pools, JwtAuthority authority,
                          LocalEndpoints local, String accountId) {
        this.routes = routes;
        this.pools = pools;
        this.authority = authority;
        this.local = local;
        this.accountId = accountId;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        } catch (BindException e) {
            throw new UserFacingException("port " + port + " is in use; stop what is using it or pass --port N");
        } catch (IOException e) {
            throw new UserFacingException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/_local/")) {
                localRoute(exchange, path);
            } else if (path.startsWith("/2015-03-31/functions/")) {
                lambdaInvoke(exchange, path);
            } else {
                apiRoute(exchange, path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}");
        }
    }

    private void apiRoute(HttpExchange exchange, String path) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        Optional<RouteTable.Match> match = routes.match(method, path);
        if (match.isEmpty()) {
            send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
            return;
        }
        var route = match.get().route();
        Map<String, String> claims = null;
        if (route.authorizer() != null) {
            claims = authorize(exchange, route).orElse(null);
            if (claims == null) {
                exchange.getResponseHeaders().set("www-authenticate", "Bearer");
                send(exchange, 401, "application/json", "{\"message\":\"Unauthorized\"}");
                return;
            }
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            send(exchange, 413, "application/json", "{\"message\":\"Request Entity Too Large\"}");
            return;
        }
        var request = new ApiEvents.Request(method, path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress());
        byte[] event = ApiEvents.build(request, match.get(), claims, accountId);
        InvocationResult result = pools.get(route.functionLogicalId()).invoke(event, route.routeKey());
        respond(exchange, result);
    }

    private Optional<Map<String, String>> authorize(HttpExchange exchange, RouteTable.Route route) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : header.trim();
        return authority.verify(token, route.authorizer().issuer(), route.authorizer().audiences());
    }

    private void respond(HttpExchange exchange, InvocationResult result) throws IOException {
        switch (result.outcome()) {
            case TIMEOUT -> send(exchange, 503, "application/json", "{\"message\":\"Service Unavailable\"}");
            case FUNCTION_ERROR, CRASH -> send(exchange, 500, "application/json",
                    "{\"message\":\"Internal Server Error\"}");
            default -> ApiResponses.write(exchange, result.payload());
        }
    }

    private void localRoute(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/_local/health") && exchange.getRequestMethod().equals("GET")) {
            var health = local.health();
            send(exchange, health.getKey() ? 200 : 503, "application/json",
                    MAPPER.writeValueAsString(health.getValue()));
        } else if (path.startsWith("/_local/schedules/") && path.endsWith("/fire")
                && exchange.getRequestMethod().equals("POST")) {
            String rule = path.substring("/_local/schedules/".length(), path.length() - "/fire".length());
            if (local.fire(rule)) {
                send(exchange, 202, "application/json", MAPPER.writeValueAsString(Map.of("fired", rule)));
            } else {
                send(exchange, 404, "application/json", MAPPER.writeValueAsString(
                        Map.of("message", "no schedule rule named " + rule)));
            }
        } else {
            send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
        }
    }

    private void lambdaInvoke(HttpExchange exchange, String path) throws IOException, InterruptedException {
        String[] parts = path.split("/");
        if (parts.length != 5 || !parts[4].equals("invocations") || !exchange.getRequestMethod().equals("POST")) {
            send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
            return;
        }
        FunctionPool pool = pools.values().stream().filter(p -> p.spec().logicalId().equals(parts[3])
                || p.spec().name().equals(parts[3])).findFirst().orElse(null);
        if (pool == null) {
            send(exchange, 404, "application/json", "{\"Type\":\"User\",\"message\":\"Function not found: "
                    + parts[3].replace("\"", "") + "\"}");
            return;
        }
        byte[] event = exchange.getRequestBody().readNBytes(6 * 1024 * 1024);
        InvocationResult result = pool.invoke(event.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : event,
                "invoke");
        if (!result.succeeded()) {
            exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
        }
        send(exchange, 200, "application/json", result.payloadText());
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", contentType);
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

    /** Maps a function's return value to the HTTP response, per the payload format 2.0 rules. */
    static final class ApiResponses {
        private ApiResponses() {
        }

        static void write(HttpExchange exchange, byte[] payload) throws IOException {
            JsonNode result;
            try {
                result = MAPPER.readTree(payload);
            } catch (IOException e) {
                result = null;
            }
            if (result == null || !result.isObject() || !result.has("statusCode")) {
                // A function may return any JSON; API Gateway then answers 200 with it as the body.
                send(exchange, 200, "application/json", new String(payload, StandardCharsets.UTF_8));
                return;
            }
            var headers = exchange.getResponseHeaders();
            result.path("headers").properties().forEach(h -> headers.set(h.getKey(), h.getValue().asText()));
            result.path("multiValueHeaders").properties().forEach(h -> h.getValue()
                    .forEach(v -> headers.add(h.getKey(), v.asText())));
            result.path("cookies").forEach(c -> headers.add("set-cookie", c.asText()));
            JsonNode body = result.get("body");
            byte[] bytes = body == null || body.isNull() ? new byte[0]
                    : result.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body.asText())
                    : body.asText().getBytes(StandardCharsets.UTF_8);
            if (!headers.containsKey("content-type") && bytes.length > 0) {
                headers.set("content-type", "application/json");
            }
            int status = result.path("statusCode").asInt(200);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }
}
