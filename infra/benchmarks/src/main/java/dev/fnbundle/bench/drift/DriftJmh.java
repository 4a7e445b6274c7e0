package dev.fnbundle.bench.drift;

import dev.fnbundle.bench.report.CpuWarmup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/** JMH benchmarks of the difflib port on generated configs ({@link DriftInputs}), per size. */
@State(Scope.Benchmark)
public class DriftJmh {
    @Param({"10000", "100000"})
    public int lines;

    private String a;
    private String b;

    /** Milliseconds of CPU time each fork spends on the measured call before JMH's own warm-up iterations. */
    static final long WARMUP_CPU_MS = 3000;

    @Setup(Level.Trial)
    public void generate(BenchmarkParams params) {
        DriftInputs inputs = DriftInputs.of(lines);
        a = inputs.a();
        b = inputs.b();
        boolean two = params.getBenchmark().endsWith(".twoMatchers");
        System.out.println(CpuWarmup.run(two ? this::twoMatchers : this::oneMatcher, WARMUP_CPU_MS));
    }

    /** Split, ratio, opcodes and unified diff from one matcher (what the auditor does). */
    @Benchmark
    public DriftWork oneMatcher() {
        return DriftWork.oneMatcher(a, b);
    }

    /** The same with a second matcher for the diff, as Python's {@code unified_diff} builds one. */
    @Benchmark
    public DriftWork twoMatchers() {
        return DriftWork.twoMatchers(a, b);
    }
}
