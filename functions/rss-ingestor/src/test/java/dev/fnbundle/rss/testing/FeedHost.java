package dev.fnbundle.rss.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK HttpServer on 127.0.0.1 (free port) playing feed hosts: feeds with ETag / Last-Modified that answer 304
 * to a matching conditional GET, scripted statuses, redirects, slow and oversized answers. Records every request
 * with the status it is answered with, before answering.
 */
public final class FeedHost implements AutoCloseable {
    /** A request as the host saw it. */
    public record Request(String path, String ifNoneMatch, String ifModifiedSince, int status) {
    }

    /** Answers one request; may inspect it. */
    @FunctionalInterface
    public interface Responder {
        int respond(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FeedHost() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "feed-host");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Serves a feed; with an ETag or Last-Modified, a matching conditional GET gets a 304. */
    public void feed(String path, String xml, String etag, String lastModified) {
        routes.put(path, exchange -> {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            if (etag != null && etag.equals(ifNoneMatch)
                    || etag == null && lastModified != null && lastModified.equals(ifModifiedSince)) {
                return empty(exchange, 304);
            }
            if (etag != null) {
                exchange.getResponseHeaders().add("ETag", etag);
            }
            if (lastModified != null) {
                exchange.getResponseHeaders().add("Last-Modified", lastModified);
            }
            return send(exchange, 200, "application/rss+xml; charset=utf-8", xml);
        });
    }

    /** Answers with a status and headers, empty body. */
    public void status(String path, int status, Map<String, String> headers) {
        routes.put(path, exchange -> {
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            return empty(exchange, status);
        });
    }

    /** Any responder, e.g. one that fails first and then succeeds; it answers through {@link #send}. */
    public void route(String path, Responder responder) {
        routes.put(path, responder);
    }

    /** Waits {@code delay} before answering with the feed. */
    public void slow(String path, Duration delay, String xml) {
        routes.put(path, exchange -> {
            Thread.sleep(delay.toMillis());
            return send(exchange, 200, "application/rss+xml", xml);
        });
    }

    /** A feed that never ends: items until the client stops reading. */
    public void endless(String path) {
        routes.put(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            record(exchange, 200);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<rss version=\"2.0\"><channel><title>Endless</title>".getBytes(StandardCharsets.UTF_8));
                byte[] item = "<item><title>again</title></item>".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 1_000_000; i++) {
                    out.write(item);
                }
            }
            return 200;
        });
    }

    /** Sends a body; the request is recorded first, so a client never sees an answer before the record. */
    public int send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        record(exchange, status);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        return status;
    }

    private int empty(HttpExchange exchange, int status) throws IOException {
        record(exchange, status);
        exchange.sendResponseHeaders(status, -1);
        return status;
    }

    private void record(HttpExchange exchange, int status) {
        requests.add(new Request(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("If-Modified-Since"), status));
    }

    /** The requests for a path, in arrival order. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Responder responder = routes.get(exchange.getRequestURI().getPath());
            if (responder == null) {
                empty(exchange, 404);
            } else {
                responder.respond(exchange);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeouts, capped bodies): expected in these tests
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
