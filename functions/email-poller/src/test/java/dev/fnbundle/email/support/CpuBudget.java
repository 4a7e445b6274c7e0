package dev.fnbundle.email.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs work on a thread of its own and fails as soon as that thread has used more CPU time than a budget. The
 * CPU time of one thread does not depend on what else the machine runs (builds share its two cores), where the
 * wall-clock time of the same work varies fivefold. A worker over budget is left running as a daemon thread:
 * Java cannot stop a regex, and the test JVM ends it.
 */
public final class CpuBudget {
    private CpuBudget() {
    }

    /**
     * @throws AssertionError when the work used more than {@code budget} of CPU time
     */
    public static void assertWithin(Duration budget, Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "cpu-budget");
        worker.setDaemon(true);
        long wallStart = System.nanoTime();
        worker.start();
        try {
            while (worker.isAlive()) {
                long used = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(worker.threadId())
                        : System.nanoTime() - wallStart;
                if (used > budget.toNanos()) {
                    throw new AssertionError("used more than " + budget.toMillis() + " ms of CPU time");
                }
                worker.join(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
    }
}
