package dev.fnbundle.local.observe;

import java.time.Instant;

/**
 * A function instance (one JVM) changed state.
 *
 * @param initMillis the init duration, on READY after a start; otherwise -1
 * @param detail     why it failed or stopped; on READY after a start, the CPU time its JVM used so far; or null
 */
public record InstanceEvent(long sequence, Instant time, String function, int instance, State state,
                            double initMillis, String detail) {
    /**
     * The life of an instance: STARTING, then READY and BUSY in turns, until FAILED or STOPPED. An instance whose
     * code was replaced while it served an invocation is RELOADING: it finishes that invocation, then stops.
     */
    public enum State { STARTING, READY, BUSY, RELOADING, FAILED, STOPPED }

    public static InstanceEvent of(String function, int instance, State state, double initMillis, String detail) {
        return new InstanceEvent(0, Instant.now(), function, instance, state, initMillis, detail);
    }

    InstanceEvent withSequence(long number) {
        return new InstanceEvent(number, time, function, instance, state, initMillis, detail);
    }
}
