package dev.fnbundle.common.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A JDK HttpServer on 127.0.0.1 playing every kind of feed host: conditional GET, redirects (also to private
 * addresses), silent and dripping hosts, failing hosts, oversized and compressed bodies. Counts requests per path.
 *
 * <p>Every answer is ready before the request comes (nothing is computed while the client waits), and the silent and
 * dripping hosts keep it up until the server closes: no client timeout races the server's own timing.
 */
final class LocalFeedServer implements AutoCloseable {
    static final String ETAG = "\"v1\"";
    static final String LAST_MODIFIED = "Fri, 05 Jan 2024 10:00:00 GMT";
    static final String FEED = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local</title>"
            + "<item><title>One</title><link>/posts/1</link></item></channel></rss>";
    /** 10 MiB of zeros in about 10 KB; compressed once, not per request (it takes a loaded machine a while). */
    private static final byte[] GZIP_BOMB = gzip(new byte[10 * 1024 * 1024]);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    LocalFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-feed-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            route(exchange, path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeouts, aborted bodies): expected in these tests
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException, InterruptedException {
        switch (path) {
            case "/feed" -> conditional(exchange);
            case "/latin1" -> send(exchange, 200, "application/rss+xml; charset=ISO-8859-1",
                    "<rss><channel><title>Caf\u00e9</title></channel></rss>".getBytes(StandardCharsets.ISO_8859_1));
            case "/redirect/3", "/redirect/2", "/redirect/1" -> redirect(exchange, 302,
                    "/redirect/" + (Integer.parseInt(path.substring(10)) - 1));
            case "/redirect/0" -> redirect(exchange, 301, "../feed");
            case "/loop" -> redirect(exchange, 307, "/loop");
            case "/to-private" -> redirect(exchange, 302, "http://192.168.1.1/feed");
            case "/to-unspecified" -> redirect(exchange, 302, "http://0.0.0.0:" + port() + "/feed");
            case "/to-internal-name" -> redirect(exchange, 308, "http://intranet.test:" + port() + "/feed");
            case "/to-file" -> redirect(exchange, 302, "file:///etc/passwd");
            case "/no-location" -> send(exchange, 302, null, new byte[0]);
            case "/silent" -> closing.await();
            case "/drip" -> drip(exchange);
            case "/500", "/501", "/404", "/410" -> send(exchange, Integer.parseInt(path.substring(1)), null,
                    new byte[0]);
            case "/503" -> {
                exchange.getResponseHeaders().add("Retry-After", "7");
                send(exchange, 503, null, new byte[0]);
            }
            case "/429" -> {
                exchange.getResponseHeaders().add("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
                send(exchange, 429, null, new byte[0]);
            }
            case "/big" -> send(exchange, 200, "text/xml", new byte[100 * 1024]);
            case "/big-chunked" -> chunked(exchange, 100 * 1024);
            case "/gzip" -> encoded(exchange, "gzip", gzip(FEED.getBytes(StandardCharsets.UTF_8)));
            case "/deflate" -> encoded(exchange, "deflate", deflate(FEED.getBytes(StandardCharsets.UTF_8)));
            case "/gzip-bomb" -> encoded(exchange, "gzip", GZIP_BOMB);
            case "/bad-gzip" -> encoded(exchange, "gzip", "definitely not gzip".getBytes(StandardCharsets.UTF_8));
            case "/brotli" -> encoded(exchange, "br", new byte[10]);
            default -> send(exchange, 404, null, new byte[0]);
        }
    }

    private static void conditional(HttpExchange exchange) throws IOException {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        if (ETAG.equals(ifNoneMatch) || (ifNoneMatch == null && LAST_MODIFIED.equals(ifModifiedSince))) {
            exchange.getResponseHeaders().add("ETag", ETAG);
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        exchange.getResponseHeaders().add("ETag", ETAG);
        exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
        send(exchange, 200, "application/rss+xml; charset=UTF-8", FEED.getBytes(StandardCharsets.UTF_8));
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        send(exchange, status, null, new byte[0]);
    }

    /** A byte every 100 ms until the client goes away (the write fails) or the server closes. */
    private void drip(HttpExchange exchange) throws IOException, InterruptedException {
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        do {
            body.write('<');
            body.flush();
        } while (!closing.await(100, TimeUnit.MILLISECONDS));
    }

    private static void chunked(HttpExchange exchange, int bytes) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        byte[] block = new byte[4096];
        for (int sent = 0; sent < bytes; sent += block.length) {
            body.write(block);
        }
    }

    private static void encoded(HttpExchange exchange, String encoding, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Encoding", encoding);
        send(exchange, 200, "application/rss+xml", body);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
