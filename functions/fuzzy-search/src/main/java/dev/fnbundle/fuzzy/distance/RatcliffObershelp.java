package dev.fnbundle.fuzzy.distance;

import java.util.Arrays;

/**
 * textdistance's {@code RatcliffObershelp}: {@code 2 * matched / (len(a) + len(b))}, where {@code matched} sums the
 * longest common substring and, recursively, the matches left and right of its first occurrence in each text.
 */
final class RatcliffObershelp {

    private RatcliffObershelp() {
    }

    /**
     * @return the similarity in [0, 1]; 1 for equal texts and 0 when one is empty (textdistance's quick answer)
     */
    static double similarity(int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return 1;
        }
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        return 2.0 * matched(a, 0, a.length, b, 0, b.length) / (a.length + b.length);
    }

    private static int matched(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo) {
        LongestCommonSubstring.Match match = LongestCommonSubstring.find(a, aFrom, aTo, b, bFrom, bTo);
        int length = match.length();
        if (length == 0) {
            return 0;
        }
        int[] substring = Arrays.copyOfRange(match.source(), match.start(), match.start() + length);
        int aAt = indexOf(a, aFrom, aTo, substring);
        int bAt = indexOf(b, bFrom, bTo, substring);
        return matched(a, aFrom, aAt, b, bFrom, bAt) + length
                + matched(a, aAt + length, aTo, b, bAt + length, bTo);
    }

    /** Python's {@code str.find}: first occurrence of {@code needle} in {@code haystack[from, to)}. */
    private static int indexOf(int[] haystack, int from, int to, int[] needle) {
        for (int start = from; start + needle.length <= to; start++) {
            if (Arrays.equals(haystack, start, start + needle.length, needle, 0, needle.length)) {
                return start;
            }
        }
        throw new IllegalStateException("a common substring must occur in both texts");
    }
}
