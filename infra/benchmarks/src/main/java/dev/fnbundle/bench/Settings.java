package dev.fnbundle.bench;

import dev.fnbundle.bench.report.Python;

/**
 * Run-wide settings from system properties, with defaults that make the full run reproducible in well under an
 * hour on two cores: {@code bench.forks}, {@code bench.warmups}, {@code bench.iterations} (JMH) and
 * {@code bench.pythonRuns} (repetitions of each Python reference).
 */
public record Settings(int forks, int warmups, int iterations, int pythonRuns, Python python) {
    static Settings fromSystemProperties() {
        return new Settings(Integer.getInteger("bench.forks", 2), Integer.getInteger("bench.warmups", 3),
                Integer.getInteger("bench.iterations", 5), Integer.getInteger("bench.pythonRuns", 3),
                Python.onPath());
    }
}
