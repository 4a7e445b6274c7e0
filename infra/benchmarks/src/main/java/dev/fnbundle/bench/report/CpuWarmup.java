package dev.fnbundle.bench.report;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * Warm-up counted in CPU time, not wall time, for a JMH trial's {@code @Setup}: calls the operation until this
 * thread has spent {@code cpuMillis} of CPU on it (or a wall-clock cap passes), and says how long the JIT had
 * been quiet by then (it rarely is for long: JMH's own threads and late inlining keep compiling a little). On a
 * two-core machine at load 20, JMH's wall-clock warm-up iterations give the benchmark thread and the JIT's
 * compiler threads a tenth of a core each: five warm-up seconds then end
 * with the code still in C1 or the interpreter, and the measured iterations time the JIT, not the code.
 */
public final class CpuWarmup {
    private static final long WALL_CAP_NANOS = 60_000_000_000L;

    private CpuWarmup() {
    }

    /**
     * Warms {@code operation} up; returns a line saying what it took (printed to the fork's output).
     *
     * @param cpuMillis the benchmark thread's CPU time to spend at least
     */
    public static String run(Supplier<?> operation, long cpuMillis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long budget = cpuMillis * 1_000_000L;
        long wall0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long lastJit = jit.getTotalCompilationTime();
        long lastJitChangeCpu = 0;
        long calls = 0;
        long sink = 0;
        long spent;
        while (true) {
            sink += operation.get().hashCode();
            calls++;
            spent = threads.getCurrentThreadCpuTime() - cpu0;
            long jitNow = jit.getTotalCompilationTime();
            if (jitNow != lastJit) {
                lastJit = jitNow;
                lastJitChangeCpu = spent;
            }
            if (spent >= budget || System.nanoTime() - wall0 > WALL_CAP_NANOS) {
                break;
            }
        }
        return String.format(java.util.Locale.ROOT, "CPU warm-up: %d calls, %.0f ms of thread CPU in %.1f s wall,"
                + " JIT quiet for the last %.0f ms of it%s (%d)", calls, spent / 1e6, (System.nanoTime() - wall0)
                / 1e9, (spent - lastJitChangeCpu) / 1e6, spent >= budget ? "" : ", stopped by the wall-clock cap",
                sink & 1);
    }
}
