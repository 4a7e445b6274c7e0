package dev.fnbundle.local;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * What the runtime started and must stop: closed last-started first, since later parts depend on earlier ones
 * (triggers on functions, functions on services). A part that fails to stop does not keep the others running.
 */
final class Resources implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Consumer<String> warnings;

    /** @param warnings told what failed to stop */
    Resources(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** Closed by {@link #close}, before everything tracked earlier. */
    synchronized <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    /** Closes everything tracked, newest first. Safe to call twice. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                warnings.accept("while stopping: " + e.getMessage());
            }
        }
    }
}
