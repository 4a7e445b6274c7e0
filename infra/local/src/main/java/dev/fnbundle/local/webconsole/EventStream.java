package dev.fnbundle.local.webconsole;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Server-sent events for the live lists: each recorded item that passes the page's filter goes out as one event
 * whose data is the row's HTML (escaped like the page's own rows) and whose id is the recorder's sequence
 * number. A new stream first sends what was recorded after the page's last row (or after the browser's
 * Last-Event-ID when it reconnects), so nothing falls between page and stream. Bounded: a few streams at once, a
 * bounded queue each (a reader too slow to keep up is cut off, and catches up through Last-Event-ID), a comment
 * every 15 s to notice closed tabs.
 */
final class EventStream {
    static final int MAX_STREAMS = 16;
    private static final int MAX_QUEUED = 1_000;
    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * What one live list shows.
     *
     * @param backlog   what the recorder holds, oldest first (read after subscribing, so nothing is missed)
     * @param subscribe starts handing new items to a consumer; closing the result stops it
     * @param wanted    the page's filter
     */
    record Feed<T>(Supplier<List<T>> backlog, Function<Consumer<T>, AutoCloseable> subscribe,
                   ToLongFunction<T> sequence,
                   Predicate<T> wanted, Function<T, Html> render) {
    }

    /** Serves one stream until the browser goes away or the runtime stops. */
    <T> void serve(ConsoleExchange exchange, Feed<T> feed) throws IOException {
        if (open.incrementAndGet() > MAX_STREAMS) {
            open.decrementAndGet();
            exchange.problem(503, "Service Unavailable", "too many live views are open; close some console tabs");
            return;
        }
        BlockingQueue<T> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
        AtomicBoolean overflow = new AtomicBoolean();
        try (AutoCloseable subscription = feed.subscribe().apply(item -> {
            if (feed.wanted().test(item) && !queue.offer(item)) {
                overflow.set(true);
            }
        })) {
            exchange.secure();
            var headers = exchange.raw().getResponseHeaders();
            headers.set("content-type", "text/event-stream; charset=utf-8");
            exchange.raw().sendResponseHeaders(200, 0);
            OutputStream out = exchange.raw().getResponseBody();
            long after = after(exchange);
            out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            long backlogEnd = -1;
            for (T item : feed.backlog().get()) {
                long sequence = feed.sequence().applyAsLong(item);
                backlogEnd = Math.max(backlogEnd, sequence);
                if (sequence > after && feed.wanted().test(item)) {
                    send(out, feed, item);
                }
            }
            out.flush();
            pump(out, feed, queue, overflow, backlogEnd);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the browser went away: the stream ends
        } catch (Exception e) {
            throw new IOException("live view failed", e);
        } finally {
            open.decrementAndGet();
        }
    }

    /** Sends what comes; items numbered up to {@code backlogEnd} were in the backlog already. */
    private <T> void pump(OutputStream out, Feed<T> feed, BlockingQueue<T> queue, AtomicBoolean overflow,
                          long backlogEnd) throws IOException, InterruptedException {
        long lastWrite = System.nanoTime();
        while (!closed.get() && !overflow.get()) {
            T item = queue.poll(1, TimeUnit.SECONDS);
            if (item != null) {
                if (feed.sequence().applyAsLong(item) > backlogEnd) {
                    send(out, feed, item);
                    out.flush();
                }
                lastWrite = System.nanoTime();
            } else if (System.nanoTime() - lastWrite > HEARTBEAT_NANOS) {
                out.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                lastWrite = System.nanoTime();
            }
        }
    }

    private static <T> void send(OutputStream out, Feed<T> feed, T item) throws IOException {
        var event = new StringBuilder("id: ").append(feed.sequence().applyAsLong(item)).append('\n');
        // A data line ends at CR or LF: every line of the fragment gets its own, the browser joins them again.
        for (String line : feed.render().apply(item).markup().split("\r\n|\r|\n", -1)) {
            event.append("data: ").append(line).append('\n');
        }
        out.write(event.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The sequence number after which to send: the browser's Last-Event-ID, else the page's {@code after}. */
    private static long after(ConsoleExchange exchange) {
        String last = exchange.raw().getRequestHeaders().getFirst("Last-Event-ID");
        String value = last != null ? last : exchange.query("after");
        try {
            return value.isEmpty() ? Long.MAX_VALUE : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** How many streams are open now. */
    int open() {
        return open.get();
    }

    /** Ends every stream within a second. */
    void close() {
        closed.set(true);
    }
}
