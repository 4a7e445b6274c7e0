package dev.fnbundle.fuzzy.distance;

import java.util.Arrays;

/**
 * textdistance's {@code JaroWinkler} (and {@code Jaro}, which is the same with {@code winklerize=False}), operation
 * for operation, so the doubles are the ones Python computes.
 *
 * <p>Matches are searched within {@code max(len) / 2 - 1} positions; the Winkler boost
 * {@code weight += prefix * prefixWeight * (1 - weight)} applies only when the Jaro weight exceeds 0.7, with a common
 * prefix of at most 4 tokens. Equal sequences give exactly 1 and an empty one gives 0 (textdistance's quick answer).
 */
public final class JaroWinkler {

    /** Winkler's default prefix scale, the only one reachable through textdistance's normalized methods. */
    public static final double DEFAULT_PREFIX_WEIGHT = 0.1;

    private JaroWinkler() {
    }

    /**
     * textdistance's {@code jaro_winkler(a, b)} with its defaults.
     *
     * @param a tokens (e.g. code points) of the first text, not null
     * @param b tokens of the second text, not null
     * @return the similarity in [0, 1]; O(len(a)·max(len)/2)
     */
    public static double similarity(int[] a, int[] b) {
        return similarity(a, a.length, b, b.length, true, false, DEFAULT_PREFIX_WEIGHT,
                new boolean[a.length], new boolean[b.length]);
    }

    /**
     * The full computation on the first {@code aLength} and {@code bLength} tokens of two arrays, with caller-owned
     * scratch flags so that hot loops allocate nothing.
     *
     * @param a             first token array
     * @param aLength       number of tokens of {@code a} to use
     * @param b             second token array
     * @param bLength       number of tokens of {@code b} to use
     * @param winklerize    apply the prefix boost (false gives Jaro)
     * @param longTolerance apply textdistance's long-string adjustment
     * @param prefixWeight  Winkler's prefix scale
     * @param aFlags        scratch of at least {@code aLength} entries; overwritten
     * @param bFlags        scratch of at least {@code bLength} entries; overwritten
     * @return the similarity
     */
    public static double similarity(int[] a, int aLength, int[] b, int bLength, boolean winklerize,
                                    boolean longTolerance, double prefixWeight, boolean[] aFlags, boolean[] bFlags) {
        if (Arrays.equals(a, 0, aLength, b, 0, bLength)) {
            return 1;
        }
        if (aLength == 0 || bLength == 0) {
            return 0;
        }
        Arrays.fill(aFlags, 0, aLength, false);
        Arrays.fill(bFlags, 0, bLength, false);
        int common = flagMatches(a, aLength, b, bLength, aFlags, bFlags);
        if (common == 0) {
            return 0.0;
        }
        int transpositions = countTranspositions(a, aLength, b, bLength, aFlags, bFlags) / 2;
        double weight = (double) common / aLength + (double) common / bLength;
        weight += (double) (common - transpositions) / common;
        weight /= 3;
        if (!winklerize || weight <= 0.7) {
            return weight;
        }
        int minLength = Math.min(aLength, bLength);
        int limit = Math.min(minLength, 4);
        int prefix = 0;
        while (prefix < limit && a[prefix] == b[prefix]) {
            prefix++;
        }
        if (prefix != 0) {
            weight += prefix * prefixWeight * (1.0 - weight);
        }
        if (!longTolerance || minLength <= 4) {
            return weight;
        }
        if (common <= prefix + 1 || 2 * common < minLength + prefix) {
            return weight;
        }
        double tmp = (double) (common - prefix - 1) / (aLength + bLength - prefix * 2 + 2);
        weight += (1.0 - weight) * tmp;
        return weight;
    }

    private static int flagMatches(int[] a, int aLength, int[] b, int bLength, boolean[] aFlags, boolean[] bFlags) {
        int searchRange = Math.max(Math.max(aLength, bLength) / 2 - 1, 0);
        int common = 0;
        for (int i = 0; i < aLength; i++) {
            int token = a[i];
            int high = Math.min(i + searchRange, bLength - 1);
            for (int j = Math.max(0, i - searchRange); j <= high; j++) {
                if (!bFlags[j] && b[j] == token) {
                    aFlags[i] = true;
                    bFlags[j] = true;
                    common++;
                    break;
                }
            }
        }
        return common;
    }

    private static int countTranspositions(int[] a, int aLength, int[] b, int bLength, boolean[] aFlags,
                                           boolean[] bFlags) {
        int k = 0;
        int count = 0;
        for (int i = 0; i < aLength; i++) {
            if (aFlags[i]) {
                int j = k;
                while (j < bLength && !bFlags[j]) {
                    j++;
                }
                k = j + 1;
                if (a[i] != b[j]) {
                    count++;
                }
            }
        }
        return count;
    }
}
