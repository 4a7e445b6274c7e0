package dev.fnbundle.local.function;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many function JVMs of the stack are in their init right now. While any is, a function whose instances are
 * all busy waits for one of them rather than starting another JVM ({@link FunctionPool}): on a machine of a few
 * cores, one more JVM starting makes every other start and every first invocation slower, and the busy instance
 * is usually free again long before a new one could have finished its init. Measured on this 2-core machine with
 * the 36 routes called at once as the stack starts: each of the 6 routed functions used to start a second
 * instance during that burst, 5 more JVMs of about 1.7 s of CPU each.
 */
public final class JvmStarts {
    private final AtomicInteger starting = new AtomicInteger();

    /** Counts one start until the returned handle is closed (once its init ended, well or not). */
    public Start begin() {
        starting.incrementAndGet();
        return new Start();
    }

    /** True while at least one function JVM of the stack is in its init. */
    public boolean any() {
        return starting.get() > 0;
    }

    /** One start in progress; closing it twice counts once. */
    public final class Start implements AutoCloseable {
        private boolean ended;

        private Start() {
        }

        @Override
        public synchronized void close() {
            if (!ended) {
                ended = true;
                starting.decrementAndGet();
            }
        }
    }
}
