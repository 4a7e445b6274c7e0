package dev.fnbundle.bench.drift;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Child JVM: the thread CPU time of {@link DriftWork#oneMatcher} per call, after warming up for a given amount
 * of CPU time (not wall time: on a loaded machine, seconds of wall time may leave the code still interpreted or in
 * C1, which is what made the old harness report 14 ms at 10 000 lines). Each sample is the mean over a batch of
 * calls. Args: lines, warm-up CPU milliseconds, batches, calls per batch. Prints {@code cpu_ms=...}.
 */
public final class DriftCpuChild {
    private DriftCpuChild() {
    }

    public static void main(String[] args) {
        DriftInputs inputs = DriftInputs.of(Integer.parseInt(args[0]));
        long warmupNanos = Long.parseLong(args[1]) * 1_000_000L;
        int batches = Integer.parseInt(args[2]);
        int calls = Integer.parseInt(args[3]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long start = threads.getCurrentThreadCpuTime();
        while (threads.getCurrentThreadCpuTime() - start < warmupNanos) {
            sink += DriftWork.oneMatcher(inputs.a(), inputs.b()).diff().length();
        }
        List<String> samples = new ArrayList<>();
        for (int batch = 0; batch < batches; batch++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                sink += DriftWork.oneMatcher(inputs.a(), inputs.b()).diff().length();
            }
            samples.add(String.format(Locale.ROOT, "%.3f", (threads.getCurrentThreadCpuTime() - t0) / 1e6 / calls));
        }
        System.out.println("cpu_ms=" + String.join(",", samples));
        System.out.println("sink=" + (sink & 1));
    }
}
