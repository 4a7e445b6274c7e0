package dev.fnbundle.email.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fnbundle.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Secrets Manager's GetSecretValue on a local HTTP server, speaking the service's JSON 1.1 wire protocol, so the
 * real SDK client and its error mapping are exercised (there is no embeddable Secrets Manager). Secrets named in
 * {@link #deny} answer AccessDeniedException; unknown ones ResourceNotFoundException.
 */
public final class FakeSecretsManager implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<String> denied = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> requestedIds = new CopyOnWriteArrayList<>();

    public FakeSecretsManager() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void put(String name, String value) {
        secrets.put(name, value);
    }

    public void deny(String name) {
        denied.add(name);
    }

    /** The X-Amz-Target of every request, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The SecretId of every request, in order. */
    public List<String> requestedIds() {
        return List.copyOf(requestedIds);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        requests.add(target);
        JsonNode body = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String id = body.path("SecretId").asText();
        requestedIds.add(id);
        if (!"secretsmanager.GetSecretValue".equals(target)) {
            answer(exchange, 400, Map.of("__type", "InvalidRequestException", "message", "unsupported " + target));
        } else if (denied.contains(id)) {
            answer(exchange, 400, Map.of("__type", "AccessDeniedException", "Message", "not authorized"));
        } else if (!secrets.containsKey(id)) {
            answer(exchange, 400, Map.of("__type", "ResourceNotFoundException",
                    "message", "Secrets Manager can't find the specified secret."));
        } else {
            String arn = "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + id + "-AbCdEf";
            answer(exchange, 200, Map.of("ARN", arn, "Name", id, "SecretString", secrets.get(id), "VersionId", "v1",
                    "VersionStages", List.of("AWSCURRENT"), "CreatedDate", 1.7e9));
        }
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
