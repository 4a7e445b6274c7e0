package dev.fnbundle.fuzzy.distance;

import java.util.Arrays;

/**
 * textdistance's {@code Levenshtein}: insertions, deletions and substitutions, each of cost 1.
 */
final class Levenshtein {

    private Levenshtein() {
    }

    /**
     * @param a tokens of the first text
     * @param b tokens of the second text
     * @return the edit distance; O(len(a)·len(b)) time, O(len(b)) memory
     */
    static int distance(int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return 0;
        }
        if (a.length == 0 || b.length == 0) {
            return Math.max(a.length, b.length);
        }
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int c = 0; c <= b.length; c++) {
            previous[c] = c;
        }
        for (int r = 1; r <= a.length; r++) {
            current[0] = r;
            for (int c = 1; c <= b.length; c++) {
                int edit = previous[c - 1] + (a[r - 1] == b[c - 1] ? 0 : 1);
                current[c] = Math.min(edit, Math.min(previous[c] + 1, current[c - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
