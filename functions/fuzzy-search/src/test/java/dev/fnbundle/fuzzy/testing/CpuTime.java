package dev.fnbundle.fuzzy.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * The CPU time the calling thread spends in a piece of work: what adversarial-input tests bound, since wall time on a
 * shared machine includes waiting for a core.
 */
public final class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTime() {
    }

    /** @return the CPU time {@code work} took on this thread */
    public static Duration of(Runnable work) {
        long start = THREADS.getCurrentThreadCpuTime();
        work.run();
        return Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - start);
    }
}
