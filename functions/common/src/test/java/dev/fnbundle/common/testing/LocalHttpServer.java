package dev.fnbundle.common.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one local HTTP server of every module's tests: a JDK {@code HttpServer} on 127.0.0.1, on a free port, with a
 * handler per exact path (404 for any other), a request count per path, daemon threads, and an exchange closed after
 * every handler. Fakes of outside hosts (feed hosts, config hosts, Secrets Manager) are routes on it.
 *
 * <p>A handler that fails because the client went away (a timeout under test, a capped body) is expected in these
 * tests: its {@link IOException} is swallowed. Thread-safe: routes may change while requests arrive.
 */
public final class LocalHttpServer implements AutoCloseable {
    /** Answers one exchange; the server closes it afterwards. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private volatile Handler fallback = exchange -> send(exchange, 404, null, new byte[0]);

    /** Starts the server; {@code name} names its threads. */
    public LocalHttpServer(String name) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** Serves {@code path} (exact match, no query) with {@code handler}, replacing any earlier one. */
    public LocalHttpServer route(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Answers every path without a route (404 with an empty body until set). */
    public LocalHttpServer fallback(Handler handler) {
        this.fallback = handler;
        return this;
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** How many requests reached {@code path}, routed or not. */
    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    /** How many requests reached the server. */
    public int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Sends a whole answer: status, optional content type, and the body (none when empty). */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** Sends a UTF-8 text answer. */
    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private void dispatch(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            routes.getOrDefault(path, fallback).handle(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeouts, capped bodies): expected where a test puts it under test
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
