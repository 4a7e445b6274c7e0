package dev.fnbundle.fuzzy.distance;

import java.util.Arrays;

/**
 * textdistance's {@code Hamming} with {@code truncate=False}: positions are compared pairwise as by
 * {@code zip_longest}, so every position past the end of the shorter sequence counts as a mismatch. Unequal lengths
 * are therefore allowed: {@code hamming("abc", "abcde") == 2}.
 */
final class Hamming {

    private Hamming() {
    }

    /**
     * @param a tokens of the first text
     * @param b tokens of the second text
     * @return mismatching positions plus the length difference; O(max(len))
     */
    static int distance(int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return 0;
        }
        int shorter = Math.min(a.length, b.length);
        int mismatches = Math.abs(a.length - b.length);
        for (int i = 0; i < shorter; i++) {
            if (a[i] != b[i]) {
                mismatches++;
            }
        }
        return mismatches;
    }
}
