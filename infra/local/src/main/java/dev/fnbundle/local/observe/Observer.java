package dev.fnbundle.local.observe;

/**
 * Hears what the {@link Recorder} records, as it happens. Called on the thread that recorded it (an invocation's
 * or a log reader's), so an observer must return quickly and never block: a live view queues and returns.
 * An observer that throws is ignored for that event, never the cause of a failed invocation.
 */
public interface Observer {
    default void invocation(InvocationRecord record) {
    }

    default void log(LogLine line) {
    }

    default void instance(InstanceEvent event) {
    }

    default void reload(ReloadEvent event) {
    }
}
