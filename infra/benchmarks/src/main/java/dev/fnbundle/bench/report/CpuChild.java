package dev.fnbundle.bench.report;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * CPU time of one operation in a child JVM: the process's CPU (all threads: GC and JIT included) per call, after
 * warm-up calls. On a machine shared with other work, wall time mostly measures the neighbours; CPU time less
 * so (it still grows with cache contention and, in a VM, with the host's load), so the report gives both.
 */
public final class CpuChild {
    /** The operation measured; returns something so the JIT cannot drop the work. */
    public interface Operation {
        Object run(Path input) throws Exception;
    }

    private CpuChild() {
    }

    /** Child side: runs {@code operation} warm-up + measured times and prints {@code cpu_ms=...} on stdout. */
    public static void measure(Operation operation, Path input, int warmups, int runs) throws Exception {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long sink = 0;
        for (int i = 0; i < warmups; i++) {
            sink += operation.run(input).hashCode();
        }
        List<String> cpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = os.getProcessCpuTime();
            sink += operation.run(input).hashCode();
            cpu.add(String.format(Locale.ROOT, "%.1f", (os.getProcessCpuTime() - start) / 1e6));
        }
        System.out.println("cpu_ms=" + String.join(",", cpu));
        System.out.println("sink=" + (sink & 1));
    }

    /** Parent side: starts {@code mainClass} with {@code args} in a JVM with {@code jvmArgs}; its CPU figure. */
    public static Figure run(Class<?> mainClass, List<String> jvmArgs, List<String> args, int warmups, int runs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(mainClass.getSimpleName() + " failed: " + out);
        }
        String line = out.lines().filter(l -> l.startsWith("cpu_ms=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no cpu_ms from " + mainClass.getSimpleName()));
        double[] samples = java.util.Arrays.stream(line.substring("cpu_ms=".length()).split(","))
                .mapToDouble(Double::parseDouble).toArray();
        return new Figure(samples, "process CPU time per call (all threads), " + runs + " calls after " + warmups
                + " warm-ups in one JVM, " + jvmArgs.stream().collect(Collectors.joining(" ")));
    }
}
