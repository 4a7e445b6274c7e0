package dev.fnbundle.local.observe;

import java.time.Instant;

/**
 * One finished invocation, with what Lambda's REPORT line says about it and what went in and out.
 *
 * @param sequence          the recorder's running number
 * @param instance          the instance that ran it (0 when none could start)
 * @param durationMillis    from handing the event to the instance to its answer
 * @param initMillis        the init duration when this invocation waited for its instance to start (a cold
 *                          start, as Lambda reports it), else -1
 * @param billedMillis      what Lambda bills: the duration rounded up to the millisecond, plus the init
 *                          duration on a cold start (Lambda bills the init phase of managed runtimes since
 *                          August 2025)
 * @param maxMemoryUsedMb   the peak resident memory of the instance's JVM so far (Linux's VmHWM), or -1 where it
 *                          cannot be read
 * @param status            "ok", "error", "timeout" or "crashed"
 * @param errorType         the function's error type, or null
 * @param event             the event, cut at {@link Recorder#MAX_BODY_CHARS}
 * @param response          the response or error document, cut the same way
 */
public record InvocationRecord(long sequence, String requestId, String function, int instance, Trigger trigger,
                               Instant start, double durationMillis, double initMillis, long billedMillis,
                               int memorySizeMb, int maxMemoryUsedMb, String status, String errorType,
                               String event, String response) {
    public boolean cold() {
        return initMillis >= 0;
    }

    public boolean succeeded() {
        return status.equals("ok");
    }

    /** Lambda's REPORT line for this invocation, fields separated by tabs as in CloudWatch Logs. */
    public String reportLine() {
        var line = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(twoDecimals(durationMillis)).append(" ms")
                .append("\tBilled Duration: ").append(billedMillis).append(" ms")
                .append("\tMemory Size: ").append(memorySizeMb).append(" MB")
                .append("\tMax Memory Used: ").append(maxMemoryUsedMb < 0 ? "n/a" : maxMemoryUsedMb + " MB");
        if (cold()) {
            line.append("\tInit Duration: ").append(twoDecimals(initMillis)).append(" ms");
        }
        return line.toString();
    }

    InvocationRecord withSequence(long number) {
        return new InvocationRecord(number, requestId, function, instance, trigger, start, durationMillis,
                initMillis, billedMillis, memorySizeMb, maxMemoryUsedMb, status, errorType, event, response);
    }

    private static String twoDecimals(double millis) {
        return String.format(java.util.Locale.ROOT, "%.2f", millis);
    }
}
