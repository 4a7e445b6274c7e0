package dev.fnbundle.local.api;

import com.sun.net.httpserver.Headers;
import java.util.Locale;

/**
 * The {@code Server-Timing} header of an API answer (shown by browsers' developer tools): how long the runtime
 * spent on each phase of the request, so a slow answer says whether the function or the runtime took the time.
 * Phases: {@code auth} (route match and token check), {@code body} (the request body read), {@code event} (the
 * event built), {@code function} (the Runtime API round trip: the function JVM's whole part) and {@code response}
 * (the function's answer read back). Not thread-safe: one per request.
 */
final class ServerTiming {
    private final StringBuilder metrics = new StringBuilder();
    private long mark = System.nanoTime();

    /** Ends the phase running since the last mark (or since the request arrived). */
    void end(String phase) {
        long now = System.nanoTime();
        if (!metrics.isEmpty()) {
            metrics.append(", ");
        }
        metrics.append(phase).append(";dur=").append(String.format(Locale.ROOT, "%.2f", (now - mark) / 1e6));
        mark = now;
    }

    /** Adds the header, when a phase ended. */
    void writeTo(Headers headers) {
        if (!metrics.isEmpty()) {
            headers.set("Server-Timing", metrics.toString());
        }
    }
}
