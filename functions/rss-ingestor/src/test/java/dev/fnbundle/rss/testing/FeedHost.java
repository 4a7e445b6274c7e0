package dev.fnbundle.rss.testing;

import com.sun.net.httpserver.HttpExchange;
import dev.fnbundle.common.testing.LocalHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Feed hosts on common's {@link LocalHttpServer} (127.0.0.1, free port): feeds with ETag / Last-Modified that
 * answer 304 to a matching conditional GET, scripted statuses, redirects, slow and oversized answers. Records every
 * request with the status it is answered with, before answering.
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

    private final LocalHttpServer server = new LocalHttpServer("feed-host");
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FeedHost() {
        server.fallback(exchange -> empty(exchange, 404));
    }

    public URI url(String path) {
        return server.url(path);
    }

    /** Serves a feed; with an ETag or Last-Modified, a matching conditional GET gets a 304. */
    public void feed(String path, String xml, String etag, String lastModified) {
        route(path, exchange -> {
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
        route(path, exchange -> {
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            return empty(exchange, status);
        });
    }

    /** Any responder, e.g. one that fails first and then succeeds; it answers through {@link #send}. */
    public void route(String path, Responder responder) {
        server.route(path, responder::respond);
    }

    /** Waits {@code delay} before answering with the feed. */
    public void slow(String path, Duration delay, String xml) {
        route(path, exchange -> {
            Thread.sleep(delay.toMillis());
            return send(exchange, 200, "application/rss+xml", xml);
        });
    }

    /** A feed that never ends: items until the client stops reading. */
    public void endless(String path) {
        route(path, exchange -> {
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

    @Override
    public void close() {
        server.close();
    }
}
