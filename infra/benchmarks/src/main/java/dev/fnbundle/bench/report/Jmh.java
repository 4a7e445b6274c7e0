package dev.fnbundle.bench.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs JMH benchmarks in forked JVMs, in single-shot mode (one call per iteration, for calls of tens of
 * milliseconds and more) or in average-time mode ({@link #runTimed}, for calls of about a millisecond), and
 * returns each benchmark's iteration results as a {@link Figure}, so the report shows the median and the spread
 * over forks x iterations, not a best-of.
 *
 * @param forks      JVMs started per benchmark, each warmed up on its own
 * @param warmups    calls (or timed iterations) per fork before measuring (JIT warm-up)
 * @param iterations measured calls (or timed iterations) per fork
 * @param jvmArgs    flags of the forked JVMs (heap cap, GC)
 */
public record Jmh(int forks, int warmups, int iterations, List<String> jvmArgs) {
    /**
     * A fork whose benchmark started threads it does not stop (DynamoDB Local's, the SDK's) has already sent its
     * results when JMH waits for those threads: 30 s per fork by default, three minutes of every {@code audit}
     * run. One second is enough for a fork that ends by itself.
     */
    static final String[] NO_SHUTDOWN_WAIT = {"-Djmh.shutdownTimeout=1", "-Djmh.shutdownTimeout.step=1"};


    public String how() {
        return String.format(Locale.ROOT, "JMH single-shot, %d fork%s x %d measured calls after %d warm-up%s, %s",
                forks, forks == 1 ? "" : "s", iterations, warmups, warmups == 1 ? "" : "s",
                String.join(" ", jvmArgs));
    }

    /**
     * Runs every benchmark method of {@code type} whose name matches {@code methods} (a regex); returns the
     * figures by method name, with the {@code @Param} values appended as {@code name[param=value]}.
     */
    public Map<String, Figure> run(Class<?> type, String methods, Map<String, String> params) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(type.getName() + "\\.(" + methods + ")$")
                .mode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .forks(forks)
                .warmupIterations(warmups)
                .measurementIterations(iterations)
                .warmupTime(TimeValue.NONE)
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .jvmArgsAppend(NO_SHUTDOWN_WAIT)
                .shouldFailOnError(true);
        params.forEach(options::param);
        try {
            return figures(new Runner(options.build()).run(), params, how());
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed for " + type.getSimpleName(), e);
        }
    }

    /** How {@link #runTimed} measures: iterations of {@code iterationMillis}. */
    public String howTimed(int iterationMillis) {
        return String.format(Locale.ROOT, "JMH average time per call, %d fork%s x %d iterations of %d ms after %d"
                        + " warm-up iterations of %d ms, %s", forks, forks == 1 ? "" : "s", iterations,
                iterationMillis, warmups, iterationMillis, String.join(" ", jvmArgs));
    }

    /**
     * As {@link #run}, in average-time mode: each warm-up and measured iteration calls the benchmark for
     * {@code iterationMillis}, and a sample is an iteration's mean time per call. For operations of a millisecond
     * or so, where a handful of single calls would measure the JIT warming up rather than the code.
     */
    public Map<String, Figure> runTimed(Class<?> type, String methods, Map<String, String> params,
                                        int iterationMillis) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(type.getName() + "\\.(" + methods + ")$")
                .mode(org.openjdk.jmh.annotations.Mode.AverageTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .forks(forks)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.milliseconds(iterationMillis))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.milliseconds(iterationMillis))
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .jvmArgsAppend(NO_SHUTDOWN_WAIT)
                .shouldFailOnError(true);
        params.forEach(options::param);
        try {
            return figures(new Runner(options.build()).run(), params, howTimed(iterationMillis));
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed for " + type.getSimpleName(), e);
        }
    }

    /** Names carry the {@code @Param} values that vary within the run (those not fixed by {@code params}). */
    private static Map<String, Figure> figures(Collection<RunResult> results, Map<String, String> fixed,
                                               String how) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            List<String> paramText = new ArrayList<>();
            for (String key : result.getParams().getParamsKeys()) {
                if (fixed.containsKey(key)) {
                    continue;
                }
                paramText.add(key + "=" + result.getParams().getParam(key));
            }
            String name = paramText.isEmpty() ? method : method + "[" + String.join(",", paramText) + "]";
            List<Double> samples = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    samples.add(iteration.getPrimaryResult().getScore());
                }
            }
            figures.put(name, new Figure(samples.stream().mapToDouble(Double::doubleValue).toArray(), how));
        }
        return figures;
    }
}
