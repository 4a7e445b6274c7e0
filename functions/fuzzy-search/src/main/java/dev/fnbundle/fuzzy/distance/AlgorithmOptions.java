package dev.fnbundle.fuzzy.distance;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.fuzzy.UnsupportedOptionException;

import java.util.EnumSet;
import java.util.Set;

/**
 * Constructor options of textdistance's algorithms, with textdistance's defaults in {@link #DEFAULTS}.
 *
 * @param qval          0 = whitespace-separated words (Python's {@code str.split()}), 1 = code points (default),
 *                      n &gt;= 2 = overlapping n-grams of code points; at most 32
 * @param asSet         token measures only: count distinct tokens instead of multiset counts (default false)
 * @param restricted    damerau_levenshtein only: optimal string alignment (true, textdistance's default) or the
 *                      unrestricted distance (false)
 * @param winklerize    jaro_winkler only: apply the prefix boost (default true)
 * @param prefixWeight  jaro_winkler only: Winkler's prefix scale, default 0.1, at most 0.25 (textdistance takes it
 *                      only as an argument of a direct call)
 * @param longTolerance jaro and jaro_winkler only: textdistance's {@code long_tolerance} adjustment (default false)
 * @param tverskyAlpha  tversky only: first weight of {@code ks} (default 1)
 * @param tverskyBeta   tversky only: second weight of {@code ks} (default 1)
 */
public record AlgorithmOptions(int qval, boolean asSet, boolean restricted, boolean winklerize, double prefixWeight,
                               boolean longTolerance, double tverskyAlpha, double tverskyBeta) {

    /** textdistance's defaults. */
    public static final AlgorithmOptions DEFAULTS = new AlgorithmOptions(1, false, true, true, 0.1, false, 1, 1);

    /** Largest accepted {@code qval}. */
    public static final int MAX_QVAL = 32;

    private static final Set<Algorithm> TOKEN_MEASURES = EnumSet.of(Algorithm.JACCARD, Algorithm.SORENSEN_DICE,
            Algorithm.TVERSKY, Algorithm.OVERLAP, Algorithm.COSINE);
    private static final Set<Algorithm> CODE_POINTS_ONLY = EnumSet.of(Algorithm.LCSSEQ, Algorithm.LCSSTR,
            Algorithm.RATCLIFF_OBERSHELP);

    /** @return these options with {@code qval} replaced */
    public AlgorithmOptions withQval(int value) {
        return new AlgorithmOptions(value, asSet, restricted, winklerize, prefixWeight, longTolerance,
                tverskyAlpha, tverskyBeta);
    }

    /** @return these options with {@code asSet} replaced */
    public AlgorithmOptions withAsSet(boolean value) {
        return new AlgorithmOptions(qval, value, restricted, winklerize, prefixWeight, longTolerance,
                tverskyAlpha, tverskyBeta);
    }

    /** @return these options with {@code restricted} replaced */
    public AlgorithmOptions withRestricted(boolean value) {
        return new AlgorithmOptions(qval, asSet, value, winklerize, prefixWeight, longTolerance,
                tverskyAlpha, tverskyBeta);
    }

    /** @return these options with {@code winklerize} replaced */
    public AlgorithmOptions withWinklerize(boolean value) {
        return new AlgorithmOptions(qval, asSet, restricted, value, prefixWeight, longTolerance,
                tverskyAlpha, tverskyBeta);
    }

    /** @return these options with {@code prefixWeight} replaced */
    public AlgorithmOptions withPrefixWeight(double value) {
        return new AlgorithmOptions(qval, asSet, restricted, winklerize, value, longTolerance,
                tverskyAlpha, tverskyBeta);
    }

    /** @return these options with {@code longTolerance} replaced */
    public AlgorithmOptions withLongTolerance(boolean value) {
        return new AlgorithmOptions(qval, asSet, restricted, winklerize, prefixWeight, value,
                tverskyAlpha, tverskyBeta);
    }

    /** @return these options with the tversky weights replaced */
    public AlgorithmOptions withTverskyWeights(double alpha, double beta) {
        return new AlgorithmOptions(qval, asSet, restricted, winklerize, prefixWeight, longTolerance, alpha, beta);
    }

    /**
     * Checks that every option is in range and that options other than their defaults belong to the algorithm.
     *
     * @param algorithm the algorithm the options are for, not null
     * @throws InvalidFieldsException   when a value is out of range
     * @throws UnsupportedOptionException when the algorithm does not have a non-default option, or cannot use it
     */
    public void validateFor(Algorithm algorithm) {
        String name = algorithm.textdistanceName();
        if (qval < 0 || qval > MAX_QVAL) {
            throw new InvalidFieldsException("qval", "must be between 0 and " + MAX_QVAL);
        }
        if (qval != 1 && CODE_POINTS_ONLY.contains(algorithm)) {
            throw new UnsupportedOptionException(name, "qval",
                    "only qval=1 (textdistance mixes token and character counts or fails otherwise)");
        }
        requireOwn(asSet, TOKEN_MEASURES.contains(algorithm), name, "asSet");
        requireOwn(!restricted, algorithm == Algorithm.DAMERAU_LEVENSHTEIN, name, "restricted");
        requireOwn(!winklerize, algorithm == Algorithm.JARO_WINKLER, name, "winklerize");
        requireOwn(prefixWeight != 0.1, algorithm == Algorithm.JARO_WINKLER, name, "prefixWeight");
        requireOwn(longTolerance, algorithm == Algorithm.JARO || algorithm == Algorithm.JARO_WINKLER, name,
                "longTolerance");
        requireOwn(tverskyAlpha != 1 || tverskyBeta != 1, algorithm == Algorithm.TVERSKY, name, "ks");
        if (!(prefixWeight >= 0 && prefixWeight <= 0.25)) {
            throw new InvalidFieldsException("prefixWeight",
                    "must be between 0 and 0.25, or jaro_winkler could exceed 1");
        }
        if (!(tverskyAlpha >= 0 && tverskyBeta >= 0) || Double.isInfinite(tverskyAlpha + tverskyBeta)) {
            throw new InvalidFieldsException("ks", "tversky weights must be finite and non-negative");
        }
    }

    private static void requireOwn(boolean nonDefault, boolean owned, String algorithm, String option) {
        if (nonDefault && !owned) {
            throw new UnsupportedOptionException(algorithm, option, "textdistance's " + algorithm
                    + " has no such option");
        }
    }
}
