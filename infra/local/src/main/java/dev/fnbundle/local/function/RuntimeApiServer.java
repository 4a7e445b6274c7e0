package dev.fnbundle.local.function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fnbundle.local.api.HttpExchanges;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server side of the Lambda Runtime API (2018-06-01) for one function instance, in the runtime's JVM on its
 * own loopback port: the instance's Runtime API client (the RIC, or {@code functionside.RuntimeApiClient})
 * long-polls {@code /invocation/next}, then posts the result to {@code /invocation/{id}/response} or
 * {@code /error}; an init failure arrives at {@code /init/error}.
 */
final class RuntimeApiServer implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    private final HttpServer server;
    /** Guards {@link #queue} and {@link #waiting}: an invocation meets a long poll exactly once. */
    private final ReentrantLock handOff = new ReentrantLock();
    private final ArrayDeque<PendingInvocation> queue = new ArrayDeque<>();
    /** The client's long poll, parked until an invocation arrives; null while none waits. */
    private HttpExchange waiting;
    private final Map<String, PendingInvocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final String functionArn;

    RuntimeApiServer(String functionArn) throws IOException {
        this.functionArn = functionArn;
        // Every handler here returns at once (the long poll is parked, not waited on), so they run on the server's
        // dispatcher thread: a function's answer completes the invocation without waking another thread first.
        server = LoopbackHttpServer.inline(0, 16);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code host:port}, the value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Completes when the runtime client first asks for work: the instance's init phase is over. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Completes with the error document when the function's init failed. */
    CompletableFuture<String> initError() {
        return initError;
    }

    /**
     * Hands an invocation to the instance; the returned future completes when the function responds or reports an
     * error. When the client's long poll is already waiting (the usual case: a warm instance asks for its next
     * invocation as soon as it answered the last), the caller's thread writes the event into it at once, rather
     * than queue it for the poll's own thread to wake up and write: one thread wake-up fewer per invocation.
     */
    PendingInvocation submit(String requestId, byte[] event, long deadlineEpochMillis) {
        var pending = new PendingInvocation(requestId, event, deadlineEpochMillis, new CompletableFuture<>());
        inFlight.put(requestId, pending);
        HttpExchange poll;
        handOff.lock();
        try {
            poll = waiting;
            waiting = null;
            if (poll == null) {
                queue.add(pending);
            }
        } finally {
            handOff.unlock();
        }
        if (poll != null) {
            deliver(poll, pending);
        }
        return pending;
    }

    /** Forgets an invocation that will never be answered (its instance was killed). */
    void abandon(String requestId) {
        inFlight.remove(requestId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod();
        if (method.equals("GET") && path.equals("invocation/next")) {
            next(exchange); // answered now, or later by submit: the exchange stays open
            return;
        }
        try (exchange) {
            if (method.equals("POST") && path.equals("init/error")) {
                initError.complete(new String(readBody(exchange), StandardCharsets.UTF_8));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith("invocation/")) {
                complete(exchange, path);
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"unknown runtime API path\"}");
            }
        }
    }

    /** The long poll: answered with a queued invocation, else parked for {@link #submit} to answer. */
    private void next(HttpExchange exchange) {
        ready.complete(null);
        PendingInvocation pending;
        HttpExchange abandoned;
        handOff.lock();
        try {
            pending = queue.poll();
            abandoned = pending == null ? waiting : null;
            if (pending == null) {
                waiting = exchange;
            }
        } finally {
            handOff.unlock();
        }
        if (abandoned != null) {
            abandoned.close(); // the client gave up on an earlier poll and asks again
        }
        if (pending != null) {
            deliver(exchange, pending);
        }
    }

    /**
     * Writes the invocation as the answer to a long poll. When the poll's connection is gone, the invocation goes
     * back to the head of the queue for the client's next poll (a client that died is noticed by the instance).
     */
    private void deliver(HttpExchange exchange, PendingInvocation pending) {
        try (exchange) {
            var headers = exchange.getResponseHeaders();
            headers.set("Lambda-Runtime-Aws-Request-Id", pending.requestId());
            headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(pending.deadlineEpochMillis()));
            headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
            headers.set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000)
                    + "-" + pending.requestId().replace("-", "").substring(0, 24) + ";Sampled=0");
            headers.set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, pending.event().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(pending.event());
            }
        } catch (IOException | RuntimeException e) {
            handOff.lock();
            try {
                queue.addFirst(pending);
            } finally {
                handOff.unlock();
            }
        }
    }

    private void complete(HttpExchange exchange, String path) throws IOException {
        String[] parts = path.split("/");
        if (parts.length != 3 || !(parts[2].equals("response") || parts[2].equals("error"))) {
            reply(exchange, 404, "{\"errorMessage\":\"unknown runtime API path\"}");
            return;
        }
        PendingInvocation pending = inFlight.remove(parts[1]);
        byte[] body = readBody(exchange);
        if (pending == null) {
            reply(exchange, 400, "{\"errorMessage\":\"unknown or finished request id\"}");
            return;
        }
        if (parts[2].equals("response")) {
            pending.result().complete(new RawResult(true, body, null));
        } else {
            String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
            pending.result().complete(new RawResult(false, body, type));
        }
        reply(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        byte[] bytes = HttpExchanges.readBody(exchange, MAX_RESPONSE_BYTES);
        if (bytes.length > MAX_RESPONSE_BYTES) {
            // Lambda rejects responses over 6 MB; report it as the function error Lambda would.
            return ("{\"errorType\":\"Function.ResponseSizeTooLarge\",\"errorMessage\":\"Response payload size"
                    + " exceeded maximum allowed payload size (6291556 bytes).\"}").getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** An invocation waiting for, or being processed by, the instance. */
    record PendingInvocation(String requestId, byte[] event, long deadlineEpochMillis,
                             CompletableFuture<RawResult> result) {
    }

    /** What the runtime client posted back. */
    record RawResult(boolean success, byte[] body, String errorType) {
    }
}
