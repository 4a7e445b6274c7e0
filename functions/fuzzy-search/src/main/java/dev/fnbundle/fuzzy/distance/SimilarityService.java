package dev.fnbundle.fuzzy.distance;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.fuzzy.InputTooLongException;

import java.util.Arrays;
import java.util.Objects;

/**
 * Computes textdistance's distance, similarity, normalized distance and normalized similarity of two texts.
 *
 * <p>Texts are compared as sequences of Unicode code points (an emoji is one element, as in Python), split according
 * to {@link AlgorithmOptions#qval()}. Quirks of textdistance are kept on purpose: for the edit distances the
 * normalization divides a distance counted in tokens by the longer text's length in code points; hamming counts the
 * length difference as mismatches. Stateless and thread-safe.
 */
public final class SimilarityService {

    /**
     * @param a         first text, not null
     * @param b         second text, not null
     * @param algorithm the algorithm, not null
     * @param options   its options, not null; see {@link AlgorithmOptions#DEFAULTS}
     * @return the four numbers, never null
     * @throws InvalidFieldsException  when a text is null or an option is out of range
     * @throws InputTooLongException      when a text exceeds {@link Algorithm#maxInputLength()} (field "a" or "b")
     * @throws dev.fnbundle.fuzzy.UnsupportedOptionException   when an option does not belong to the algorithm
     * @throws dev.fnbundle.fuzzy.UndefinedSimilarityException where textdistance raises ZeroDivisionError
     */
    public SimilarityScores compare(String a, String b, Algorithm algorithm, AlgorithmOptions options) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(options, "options");
        options.validateFor(algorithm);
        int[] x = codePoints("a", a, algorithm);
        int[] y = codePoints("b", b, algorithm);
        int maximum = Math.max(x.length, y.length);
        return switch (algorithm.family()) {
            case DISTANCE -> SimilarityScores.ofDistance(distance(algorithm, x, y, options), maximum);
            case LENGTH_SIMILARITY -> SimilarityScores.ofLengthSimilarity(commonLength(algorithm, x, y), maximum);
            case UNIT_SIMILARITY -> SimilarityScores.ofUnitSimilarity(unitSimilarity(algorithm, x, y, options));
        };
    }

    /** Same as {@link #compare} with {@link AlgorithmOptions#DEFAULTS}. */
    public SimilarityScores compare(String a, String b, Algorithm algorithm) {
        return compare(a, b, algorithm, AlgorithmOptions.DEFAULTS);
    }

    private static int[] codePoints(String field, String text, Algorithm algorithm) {
        if (text == null) {
            throw new InvalidFieldsException(field, "is required");
        }
        int length = text.codePointCount(0, text.length());
        if (length > algorithm.maxInputLength()) {
            throw new InputTooLongException(field, length, algorithm.maxInputLength());
        }
        return text.codePoints().toArray();
    }

    private static int distance(Algorithm algorithm, int[] a, int[] b, AlgorithmOptions options) {
        int[][] tokens = Tokenizer.tokenize(a, b, options.qval());
        return switch (algorithm) {
            case HAMMING -> Hamming.distance(tokens[0], tokens[1]);
            case LEVENSHTEIN -> Levenshtein.distance(tokens[0], tokens[1]);
            case DAMERAU_LEVENSHTEIN -> DamerauLevenshtein.distance(tokens[0], tokens[1], options.restricted());
            default -> throw new IllegalArgumentException(algorithm + " is not a distance");
        };
    }

    private static int commonLength(Algorithm algorithm, int[] a, int[] b) {
        if (algorithm == Algorithm.LCSSEQ) {
            return LongestCommonSubsequence.length(a, b);
        }
        return LongestCommonSubstring.length(a, b);
    }

    private static double unitSimilarity(Algorithm algorithm, int[] a, int[] b, AlgorithmOptions options) {
        return switch (algorithm) {
            case JARO, JARO_WINKLER -> jaroWinkler(algorithm, a, b, options);
            case RATCLIFF_OBERSHELP -> RatcliffObershelp.similarity(a, b);
            default -> tokenMeasure(algorithm, a, b, options);
        };
    }

    private static double jaroWinkler(Algorithm algorithm, int[] a, int[] b, AlgorithmOptions options) {
        int[][] tokens = Tokenizer.tokenize(a, b, options.qval());
        int[] x = tokens[0];
        int[] y = tokens[1];
        boolean winklerize = algorithm == Algorithm.JARO_WINKLER && options.winklerize();
        return JaroWinkler.similarity(x, x.length, y, y.length, winklerize, options.longTolerance(),
                options.prefixWeight(), new boolean[x.length], new boolean[y.length]);
    }

    /** The token measures answer from the raw texts first, before splitting them (textdistance's order). */
    private static double tokenMeasure(Algorithm algorithm, int[] a, int[] b, AlgorithmOptions options) {
        if (Arrays.equals(a, b)) {
            return 1;
        }
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int[][] tokens = Tokenizer.tokenize(a, b, options.qval());
        return TokenOverlap.similarity(algorithm, tokens[0], tokens[1], options);
    }
}
