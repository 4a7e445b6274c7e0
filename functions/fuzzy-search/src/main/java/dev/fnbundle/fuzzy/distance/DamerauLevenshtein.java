package dev.fnbundle.fuzzy.distance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * textdistance's {@code DamerauLevenshtein}: Levenshtein plus transpositions of adjacent tokens.
 *
 * <p>Restricted (textdistance's default, the optimal string alignment distance) never edits a substring twice, so
 * {@code restricted("ca", "abc") == 3}; unrestricted is the true Damerau-Levenshtein metric ({@code == 2}).
 */
public final class DamerauLevenshtein {

    private DamerauLevenshtein() {
    }

    /**
     * @param a          tokens (e.g. code points) of the first text, not null
     * @param b          tokens of the second text, not null
     * @param restricted optimal string alignment (true) or unrestricted distance (false)
     * @return the distance; O(len(a)·len(b)) time; O(len(b)) memory when restricted, O(len(a)·len(b)) otherwise
     */
    public static int distance(int[] a, int[] b, boolean restricted) {
        if (Arrays.equals(a, b)) {
            return 0;
        }
        if (a.length == 0 || b.length == 0) {
            return Math.max(a.length, b.length);
        }
        return restricted ? restricted(a, b) : unrestricted(a, b);
    }

    /** Rows i-2, i-1 and i of textdistance's matrix {@code d[i, j]}, shifted by one so that index -1 becomes 0. */
    private static int restricted(int[] a, int[] b) {
        int width = b.length + 1;
        int[] twoBack = new int[width];
        int[] back = new int[width];
        int[] row = new int[width];
        for (int j = -1; j < b.length; j++) {
            back[j + 1] = j + 1;
        }
        // d[-2, j] is never read: the transposition needs i >= 1, i.e. rows 0 and up.
        for (int i = 0; i < a.length; i++) {
            row[0] = i + 1;
            for (int j = 0; j < b.length; j++) {
                int cost = a[i] == b[j] ? 0 : 1;
                int value = Math.min(Math.min(back[j + 1] + 1, row[j] + 1), back[j] + cost);
                if (i > 0 && j > 0 && a[i] == b[j - 1] && a[i - 1] == b[j]) {
                    value = Math.min(value, twoBack[j - 1] + cost);
                }
                row[j + 1] = value;
            }
            int[] recycled = twoBack;
            twoBack = back;
            back = row;
            row = recycled;
        }
        return back[b.length];
    }

    /** The Lowrance-Wagner algorithm as textdistance writes it, with {@code d[i, j]} stored at [i + 1][j + 1]. */
    private static int unrestricted(int[] a, int[] b) {
        int maxDistance = a.length + b.length;
        int[][] d = new int[a.length + 2][b.length + 2];
        d[0][0] = maxDistance;
        for (int i = 0; i <= a.length; i++) {
            d[i + 1][0] = maxDistance;
            d[i + 1][1] = i;
        }
        for (int j = 0; j <= b.length; j++) {
            d[0][j + 1] = maxDistance;
            d[1][j + 1] = j;
        }
        Map<Integer, Integer> lastRowOf = new HashMap<>();
        for (int i = 1; i <= a.length; i++) {
            int lastMatchColumn = 0;
            for (int j = 1; j <= b.length; j++) {
                int i1 = lastRowOf.getOrDefault(b[j - 1], 0);
                int j1 = lastMatchColumn;
                int cost = 1;
                if (a[i - 1] == b[j - 1]) {
                    cost = 0;
                    lastMatchColumn = j;
                }
                int value = Math.min(d[i][j] + cost, Math.min(d[i + 1][j] + 1, d[i][j + 1] + 1));
                d[i + 1][j + 1] = Math.min(value, d[i1][j1] + (i - i1) - 1 + (j - j1));
            }
            lastRowOf.put(a[i - 1], i);
        }
        return d[a.length + 1][b.length + 1];
    }
}
