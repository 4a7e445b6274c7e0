package dev.fnbundle.configaudit.testing;

import com.sun.net.httpserver.HttpExchange;
import dev.fnbundle.common.testing.LocalHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A config host on common's {@link LocalHttpServer}: each path answers a scripted sequence of responses (the last one
 * repeats), and requests are counted per path.
 */
public final class LocalConfigServer implements AutoCloseable {
    private final LocalHttpServer server = new LocalHttpServer("local-config-server");

    /** One scripted answer. */
    public record Response(int status, String contentType, byte[] body) {
        public static Response text(String body) {
            return new Response(200, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }

        public static Response status(int status) {
            return new Response(status, "text/plain", ("status " + status).getBytes(StandardCharsets.UTF_8));
        }
    }

    public LocalConfigServer() {
        server.fallback(exchange -> answer(exchange, Response.status(404)));
    }

    /** Scripts a path: the responses in order, the last one for every later request. */
    public LocalConfigServer serve(String path, Response... responses) {
        Deque<Response> script = new ArrayDeque<>(List.of(responses));
        server.route(path, exchange -> {
            Response response;
            synchronized (script) {
                response = script.size() > 1 ? script.poll() : script.peek();
            }
            answer(exchange, response);
        });
        return this;
    }

    public URI url(String path) {
        return server.url(path);
    }

    public int hits(String path) {
        return server.hits(path);
    }

    private static void answer(HttpExchange exchange, Response response) throws IOException {
        // A body even for an error status: the fetcher must read or discard it either way.
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
