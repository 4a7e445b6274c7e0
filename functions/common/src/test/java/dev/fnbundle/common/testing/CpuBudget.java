package dev.fnbundle.common.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Bounds the CPU time of work, for adversarial-input tests and fuzz targets. The CPU time of one thread does not
 * depend on what else the machine runs (builds share its two cores), where the wall-clock time of the same work
 * varies fivefold.
 */
public final class CpuBudget {
    /** What one fuzz input may cost: inputs are a few KiB, so anything near this is a complexity bug. */
    public static final Duration FUZZ_INPUT = Duration.ofSeconds(2);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuBudget() {
    }

    /**
     * Runs {@code work} on a thread of its own and fails as soon as that thread has used more than {@code budget}
     * of CPU time. A worker over budget is left running as a daemon thread: Java cannot stop a regex, and the test
     * JVM ends it. What the work throws is rethrown.
     *
     * @throws AssertionError when the work used more than {@code budget} of CPU time
     */
    public static void assertWithin(Duration budget, Runnable work) {
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
                long used = THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(worker.threadId())
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

    /**
     * Runs {@code work} on the calling thread (so a fuzzer sees its coverage and its exceptions unchanged) and
     * fails afterwards when it used more than {@code budget} of CPU time twice in a row. An input that never
     * finishes is the caller's timeout to catch (JUnit's, or libFuzzer's {@code -timeout} when fuzzing).
     *
     * <p>An input over budget runs once more before it fails: the first input to reach a parser in a fuzzing JVM
     * pays for loading and instrumenting every class that parser touches (seconds under Jazzer, for Jackson or
     * SnakeYAML), a one-off cost a complexity bug does not have, since it costs the same again on the rerun.
     * {@code work} must therefore be repeatable, as parsing the same bytes is.
     *
     * @return what {@code work} returned
     * @throws AssertionError when the work used more than {@code budget} of CPU time on both runs
     */
    public static <T> T call(Duration budget, Supplier<T> work) {
        long start = cpuNow();
        T result = work.get();
        long used = cpuNow() - start;
        if (used <= budget.toNanos()) {
            return result;
        }
        long rerunStart = cpuNow();
        result = work.get();
        long rerun = cpuNow() - rerunStart;
        if (rerun > budget.toNanos()) {
            throw new AssertionError("one input used " + used / 1_000_000 + " ms of CPU time, and "
                    + rerun / 1_000_000 + " ms when run again, over the " + budget.toMillis() + " ms budget");
        }
        return result;
    }

    /** As {@link #call(Duration, Supplier)} for work without a result. */
    public static void run(Duration budget, Runnable work) {
        call(budget, () -> {
            work.run();
            return null;
        });
    }

    private static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
