package dev.fnbundle.fuzzy.distance;

/**
 * textdistance's {@code LCSStr}: a longest common substring, chosen as textdistance chooses it, which matters to
 * {@link RatcliffObershelp}.
 *
 * <p>When both texts are shorter than 200 code points textdistance asks difflib's {@code find_longest_match}, which
 * returns the match starting first in {@code a} (then first in {@code b}); otherwise its own search returns the
 * first substring, in order of position in the shorter text ({@code a} on a tie), that also occurs in the other.
 */
final class LongestCommonSubstring {

    /** A substring of {@code source} at {@code start}, {@code length} tokens long. */
    record Match(int[] source, int start, int length) {
    }

    private static final int DIFFLIB_LIMIT = 200;

    private LongestCommonSubstring() {
    }

    /**
     * @return the length of a longest common substring of {@code a} and {@code b}; O(n·m) time, O(m) memory
     */
    static int length(int[] a, int[] b) {
        return find(a, 0, a.length, b, 0, b.length).length();
    }

    /**
     * @return textdistance's choice of longest common substring of {@code a[aFrom, aTo)} and {@code b[bFrom, bTo)},
     *         of length 0 when there is none or a range is empty
     */
    static Match find(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo) {
        int aLength = aTo - aFrom;
        int bLength = bTo - bFrom;
        if (aLength == 0 || bLength == 0) {
            return new Match(a, aFrom, 0);
        }
        boolean rowIsA = Math.max(aLength, bLength) < DIFFLIB_LIMIT || aLength <= bLength;
        return rowIsA ? earliest(a, aFrom, aTo, b, bFrom, bTo) : earliest(b, bFrom, bTo, a, aFrom, aTo);
    }

    /** The longest common substring that ends, hence starts, first in {@code row}. */
    private static Match earliest(int[] row, int rowFrom, int rowTo, int[] column, int columnFrom, int columnTo) {
        int width = columnTo - columnFrom;
        int[] previous = new int[width + 1];
        int[] current = new int[width + 1];
        int bestEnd = rowFrom;
        int bestLength = 0;
        for (int i = rowFrom; i < rowTo; i++) {
            int token = row[i];
            for (int j = 0; j < width; j++) {
                int length = column[columnFrom + j] == token ? previous[j] + 1 : 0;
                current[j + 1] = length;
                if (length > bestLength) {
                    bestLength = length;
                    bestEnd = i;
                }
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return new Match(row, bestLength == 0 ? rowFrom : bestEnd - bestLength + 1, bestLength);
    }
}
