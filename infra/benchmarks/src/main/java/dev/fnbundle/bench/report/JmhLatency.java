package dev.fnbundle.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs JMH benchmarks in sample-time mode (JMH times individual calls and keeps their distribution) for operations
 * of micro- to milliseconds whose tail matters, such as one search request. Each fork's p50 and p99 become a
 * sample of a {@link Figure}, so the report shows the median over forks and the spread between them, beside the
 * percentiles of all calls pooled.
 *
 * @param forks            JVMs started per benchmark, each warmed up on its own
 * @param warmups          warm-up iterations per fork
 * @param iterations       measured iterations per fork
 * @param iterationSeconds the length of every iteration
 * @param jvmArgs          flags of the forked JVMs
 */
public record JmhLatency(int forks, int warmups, int iterations, int iterationSeconds, List<String> jvmArgs) {

    /** The percentiles of one benchmark: per fork (as figures over forks) and over all calls pooled. */
    public record Latency(Figure p50, Figure p99, double pooledP50, double pooledP99, double pooledMax,
                          long calls) {
    }

    public String how() {
        return String.format(Locale.ROOT, "JMH sample time, %d fork%s x %d s measured (%d x %d s) after %d s of"
                        + " warm-up, every call timed; %s", forks, forks == 1 ? "" : "s",
                iterations * iterationSeconds, iterations, iterationSeconds, warmups * iterationSeconds,
                String.join(" ", jvmArgs));
    }

    /**
     * Runs every benchmark method of {@code type} whose name matches {@code methods} (a regex) for each value of
     * its {@code @Param}s not fixed by {@code params}; returns the latencies by {@code method[param=value]}.
     */
    public Map<String, Latency> run(Class<?> type, String methods, Map<String, String> params) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(type.getName() + "\\.(" + methods + ")$")
                .mode(Mode.SampleTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .forks(forks)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(iterationSeconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(iterationSeconds))
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .jvmArgsAppend(Jmh.NO_SHUTDOWN_WAIT)
                .shouldFailOnError(true);
        params.forEach(options::param);
        Map<String, Latency> latencies = new LinkedHashMap<>();
        try {
            for (RunResult result : new Runner(options.build()).run()) {
                latencies.put(name(result, params), latency(result));
            }
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed for " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        return latencies;
    }

    private Latency latency(RunResult result) {
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            Statistics statistics = fork.getPrimaryResult().getStatistics();
            p50.add(statistics.getPercentile(50));
            p99.add(statistics.getPercentile(99));
        }
        Statistics pooled = result.getPrimaryResult().getStatistics();
        String how = how() + "; one value per fork";
        return new Latency(new Figure(p50.stream().mapToDouble(Double::doubleValue).toArray(), how),
                new Figure(p99.stream().mapToDouble(Double::doubleValue).toArray(), how),
                pooled.getPercentile(50), pooled.getPercentile(99), pooled.getMax(), pooled.getN());
    }

    private static String name(RunResult result, Map<String, String> fixed) {
        String method = result.getParams().getBenchmark();
        method = method.substring(method.lastIndexOf('.') + 1);
        List<String> varying = new ArrayList<>();
        for (String key : result.getParams().getParamsKeys()) {
            if (!fixed.containsKey(key)) {
                varying.add(key + "=" + result.getParams().getParam(key));
            }
        }
        return varying.isEmpty() ? method : method + "[" + String.join(",", varying) + "]";
    }
}
