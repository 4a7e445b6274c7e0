package dev.fnbundle.local.observe;

import java.time.Instant;

/**
 * One line a function printed (its stdout and stderr), as the runtime read it.
 *
 * @param sequence  the recorder's running number, for "what came after" (server-sent events' Last-Event-ID)
 * @param instance  the instance's number within its function (1, 2...)
 * @param requestId the invocation the instance was serving when it printed the line, or null (init, idle)
 * @param text      the line without its line break, cut at {@link Recorder#MAX_LINE_CHARS}
 */
public record LogLine(long sequence, Instant time, String function, int instance, String requestId,
                      LogLevel level, String text) {
    LogLine withSequence(long number) {
        return new LogLine(number, time, function, instance, requestId, level, text);
    }
}
