package dev.fnbundle.bench.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * One measured quantity: every sample kept, reported as the median with the min–max spread and the number of
 * samples, so a reader sees both the typical value and how far a rerun may land from it.
 *
 * @param samples the measured values (milliseconds unless the unit says otherwise), in any order
 * @param how     which statistic of which runs, e.g. "JMH single-shot, 2 forks x 5 iterations"
 */
public record Figure(double[] samples, String how) {
    public Figure {
        if (samples.length == 0) {
            throw new IllegalArgumentException("a figure needs at least one sample: " + how);
        }
        samples = samples.clone();
        Arrays.sort(samples);
    }

    public double median() {
        int n = samples.length;
        return n % 2 == 1 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
    }

    public double min() {
        return samples[0];
    }

    public double max() {
        return samples[samples.length - 1];
    }

    public int count() {
        return samples.length;
    }

    /** "123 ms (median of 10, 118–131)". */
    public String ms() {
        return String.format(Locale.ROOT, "%s ms (median of %d, %s–%s)", num(median()), count(), num(min()),
                num(max()));
    }

    /** The ratio of medians {@code reference / this} and its range from the worst to the best pairing. */
    public String speedupOver(Figure reference) {
        return String.format(Locale.ROOT, "**%.1fx** (%.1f–%.1f)", reference.median() / median(),
                reference.min() / max(), reference.max() / min());
    }

    static String num(double ms) {
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0f", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        return String.format(Locale.ROOT, "%.2f", ms);
    }
}
