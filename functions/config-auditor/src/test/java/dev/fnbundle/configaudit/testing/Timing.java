package dev.fnbundle.configaudit.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * The one timing assertion the tests make, for issue 13's "1 MB adversarial input finishes in well under a
 * second". It bounds the CPU time of the thread doing the work, not the wall clock, so that a machine shared with
 * other builds does not make it flaky; a wall-clock cap stops a runaway (the quadratic bugs took 10 s on 40 KB,
 * hours on 1 MB).
 */
public final class Timing {
    /** CPU time allowed: several times what a linear pass over 1 MB needs, even with a cold JIT. */
    public static final Duration CPU_BOUND = Duration.ofSeconds(2);
    /** Wall-clock cap, only there to stop (and fail) a run that does not end. */
    public static final Duration WALL_CAP = Duration.ofSeconds(30);
    /** One megabyte of characters, the size of the adversarial inputs. */
    public static final int MB = 1 << 20;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Timing() {
    }

    /** Runs {@code work}, failing when it uses more than {@link #CPU_BOUND} of CPU; returns its result. */
    public static <T> T finishesInLinearTime(ThrowingSupplier<T> work) {
        return assertTimeoutPreemptively(WALL_CAP, () -> {
            long start = THREADS.getCurrentThreadCpuTime();
            T result = work.get();
            Duration used = Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - start);
            Assertions.assertThat(used).as("CPU time").isLessThan(CPU_BOUND);
            return result;
        });
    }

    /** {@code unit} repeated until the text is at least {@link #MB} characters long. */
    public static String megabyteOf(String unit) {
        return unit.repeat(MB / unit.length() + 1);
    }
}
