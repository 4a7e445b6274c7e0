package dev.fnbundle.local.function;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How one invocation ended: its outcome, the bytes the function returned (or the error document it reported),
 * which request and instance it was, how long it took and what it cost, and the invocation's own log lines.
 *
 * @param instance       the instance that ran it, 0 when none could start
 * @param durationNanos  from handing the event to the instance to its answer
 * @param initMillis     the init duration when the invocation waited for its instance to start (a cold start),
 *                       else -1
 * @param maxMemoryMb    the instance JVM's peak resident memory so far, or -1 when unknown
 * @param logTail        the last 4 KB of what the function printed during the invocation
 */
public record InvocationResult(Outcome outcome, byte[] payload, String errorType, String requestId, int instance,
                               long durationNanos, double initMillis, int maxMemoryMb, byte[] logTail) {

    /** The ways an invocation ends, as Lambda reports them. */
    public enum Outcome {
        /** The handler returned. */
        SUCCESS,
        /** The handler threw; {@code payload} is Lambda's error document. */
        FUNCTION_ERROR,
        /** The invocation ran past the function's Timeout and its instance was killed. */
        TIMEOUT,
        /** The instance died (crash, init failure, out of memory) before answering. */
        CRASH
    }

    /**
     * An invocation no instance ran (its init failed, or the runtime is stopping): Lambda's error document. The
     * message may quote the function's own init error document, so it is escaped as a JSON string.
     */
    static InvocationResult crash(String requestId, String errorType, String message) {
        JsonStringEncoder json = JsonStringEncoder.getInstance();
        byte[] document = ("{\"errorType\":\"" + new String(json.quoteAsString(errorType)) + "\",\"errorMessage\":\""
                + new String(json.quoteAsString(message)) + "\"}").getBytes(StandardCharsets.UTF_8);
        return new InvocationResult(Outcome.CRASH, document, errorType, requestId, 0, 0, -1, -1, new byte[0]);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }

    public boolean cold() {
        return initMillis >= 0;
    }

    public double durationMillis() {
        return durationNanos / 1_000_000.0;
    }

    /** Lambda's Billed Duration: the duration rounded up to the millisecond, plus init on a cold start. */
    public long billedMillis() {
        return (long) Math.ceil(durationMillis() + (cold() ? initMillis : 0));
    }

    public String payloadText() {
        return payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
    }

    /** A short status: "ok", "error", "timeout" or "crashed". */
    public String status() {
        return switch (outcome) {
            case SUCCESS -> "ok";
            case FUNCTION_ERROR -> "error";
            case TIMEOUT -> "timeout";
            case CRASH -> "crashed";
        };
    }
}
