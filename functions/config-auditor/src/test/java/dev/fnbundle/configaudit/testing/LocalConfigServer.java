package dev.fnbundle.configaudit.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HttpServer on 127.0.0.1 playing a config host: each path answers a scripted sequence of responses (the
 * last one repeats), and requests are counted per path.
 */
public final class LocalConfigServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Deque<Response>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

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
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-config-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Scripts a path: the responses in order, the last one for every later request. */
    public LocalConfigServer serve(String path, Response... responses) {
        scripts.put(path, new ArrayDeque<>(java.util.List.of(responses)));
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Deque<Response> script = scripts.get(path);
        Response response;
        if (script == null) {
            response = Response.status(404);
        } else {
            synchronized (script) {
                response = script.size() > 1 ? script.poll() : script.peek();
            }
        }
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
