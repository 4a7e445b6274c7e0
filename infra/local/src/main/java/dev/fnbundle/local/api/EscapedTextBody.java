package dev.fnbundle.local.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A request's text body as the contents of the event's JSON string ({@link JsonStringEscaper}): measured and checked
 * to be UTF-8 first, then written where the event's array has room for it.
 *
 * <p>A body of megabytes is measured and written as two halves at once. While the runtime builds an event, the
 * function that will take it is idle, waiting for it, so on a machine of two cores the second one is free; both
 * passes are on the request's path (about 1.5 ns a byte for a JSON body). The halves meet at a character boundary,
 * and each writes only its own part of the output.
 */
final class EscapedTextBody {
    /** From this size the halves go on two threads; below it, a thread would cost more than it saves. */
    static final int SPLIT_BYTES = 256 * 1024;
    private static final Executor VIRTUAL = task -> Thread.ofVirtual().start(task);

    private final byte[] body;
    private final int half;
    private final long firstLength;
    private final long length;

    private EscapedTextBody(byte[] body, int half, long firstLength, long length) {
        this.body = body;
        this.half = half;
        this.firstLength = firstLength;
        this.length = length;
    }

    /** The body measured, or null when it is not well-formed UTF-8 (the event then carries it base64-encoded). */
    static EscapedTextBody of(byte[] body) {
        int half = half(body);
        CompletableFuture<Long> second = half == body.length ? CompletableFuture.completedFuture(0L)
                : CompletableFuture.supplyAsync(() -> JsonStringEscaper.escapedLength(body, half, body.length),
                        VIRTUAL);
        long first = JsonStringEscaper.escapedLength(body, 0, half);
        long rest = second.join();
        return first < 0 || rest < 0 ? null : new EscapedTextBody(body, half, first, first + rest);
    }

    /** How many bytes {@link #writeTo} writes. */
    long length() {
        return length;
    }

    /** Writes the escaped body into {@code out} from {@code at}; returns the index after it. */
    int writeTo(byte[] out, int at) {
        CompletableFuture<Void> second = half == body.length ? null : CompletableFuture.runAsync(
                () -> JsonStringEscaper.escape(body, half, body.length, out, Math.toIntExact(at + firstLength)),
                VIRTUAL);
        JsonStringEscaper.escape(body, 0, half, out, at);
        if (second != null) {
            second.join();
        }
        return Math.toIntExact(at + length);
    }

    /** Where the second half starts: the body's length when it is not split, else the first character start. */
    static int half(byte[] body) {
        if (body.length < SPLIT_BYTES) {
            return body.length;
        }
        int half = body.length / 2;
        while (half < body.length && (body[half] & 0xC0) == 0x80) {
            half++;
        }
        return half;
    }
}
