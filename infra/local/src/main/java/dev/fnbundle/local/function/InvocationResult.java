package dev.fnbundle.local.function;

import java.nio.charset.StandardCharsets;

/**
 * How one invocation ended: its outcome, the bytes the function returned (or the error document it reported),
 * how long it took, and whether it ran on a freshly started instance.
 */
public record InvocationResult(Outcome outcome, byte[] payload, String errorType, long durationMillis,
                               boolean cold, long initMillis) {

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

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }

    public String payloadText() {
        return payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
    }

    /** A short status for the console, e.g. "ok" or "timeout". */
    public String status() {
        return switch (outcome) {
            case SUCCESS -> "ok";
            case FUNCTION_ERROR -> "error " + (errorType == null ? "" : errorType);
            case TIMEOUT -> "timeout";
            case CRASH -> "crashed";
        };
    }
}
