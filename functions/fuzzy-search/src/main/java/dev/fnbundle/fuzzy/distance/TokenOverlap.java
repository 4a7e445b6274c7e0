package dev.fnbundle.fuzzy.distance;


import java.util.Arrays;

/**
 * textdistance's multiset ({@code Counter}) measures: jaccard, sorensen_dice, tversky, overlap and cosine. With
 * {@code asSet} the sizes count distinct tokens. Where textdistance divides by zero (both token multisets empty, or
 * one of them for overlap and cosine, while the raw texts differ and are non-empty) an
 * {@link UndefinedSimilarityException} is thrown.
 */
final class TokenOverlap {

    /** Sizes of two token multisets and of their intersection (distinct counts when {@code asSet}). */
    private record Counts(int a, int b, int intersection) {
    }

    private TokenOverlap() {
    }

    static double similarity(Algorithm algorithm, int[] a, int[] b, AlgorithmOptions options) {
        Counts counts = count(a, b, options.asSet());
        int i = counts.intersection();
        return switch (algorithm) {
            case JACCARD -> divide(algorithm, i, counts.a() + counts.b() - i, "the union is empty");
            case SORENSEN_DICE -> divide(algorithm, 2.0 * i, counts.a() + counts.b(), "both texts have no tokens");
            case TVERSKY -> tversky(i, counts, options);
            case OVERLAP -> divide(algorithm, i, Math.min(counts.a(), counts.b()), "a text has no tokens");
            case COSINE -> divide(algorithm, i, Math.pow((double) counts.a() * counts.b(), 1.0 / 2),
                    "a text has no tokens");
            default -> throw new IllegalArgumentException(algorithm + " is not a token measure");
        };
    }

    private static double tversky(int intersection, Counts counts, AlgorithmOptions options) {
        double result = intersection;
        result += options.tverskyAlpha() * (counts.a() - intersection);
        result += options.tverskyBeta() * (counts.b() - intersection);
        return divide(Algorithm.TVERSKY, intersection, result, "the weighted union is zero");
    }

    private static double divide(Algorithm algorithm, double numerator, double denominator, String reason) {
        if (denominator == 0) {
            throw new UndefinedSimilarityException(algorithm.textdistanceName(), reason
                    + " (textdistance raises ZeroDivisionError)");
        }
        return numerator / denominator;
    }

    private static Counts count(int[] a, int[] b, boolean asSet) {
        int[] x = a.clone();
        int[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int sizeA = asSet ? distinct(x) : x.length;
        int sizeB = asSet ? distinct(y) : y.length;
        int intersection = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] < y[j]) {
                i++;
            } else if (x[i] > y[j]) {
                j++;
            } else {
                int token = x[i];
                int inA = 0;
                int inB = 0;
                while (i < x.length && x[i] == token) {
                    i++;
                    inA++;
                }
                while (j < y.length && y[j] == token) {
                    j++;
                    inB++;
                }
                intersection += asSet ? 1 : Math.min(inA, inB);
            }
        }
        return new Counts(sizeA, sizeB, intersection);
    }

    private static int distinct(int[] sorted) {
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                count++;
            }
        }
        return count;
    }
}
