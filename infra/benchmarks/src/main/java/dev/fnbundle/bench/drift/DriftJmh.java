package dev.fnbundle.bench.drift;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH benchmarks of the difflib port on generated configs ({@link DriftInputs}), per size. */
@State(Scope.Benchmark)
public class DriftJmh {
    @Param({"10000", "100000"})
    public int lines;

    private String a;
    private String b;

    @Setup(Level.Trial)
    public void generate() {
        DriftInputs inputs = DriftInputs.of(lines);
        a = inputs.a();
        b = inputs.b();
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
