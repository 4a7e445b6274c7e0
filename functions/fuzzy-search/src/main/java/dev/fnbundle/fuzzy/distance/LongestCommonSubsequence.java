package dev.fnbundle.fuzzy.distance;

/**
 * textdistance's {@code LCSSeq} similarity: the length of a longest common subsequence.
 */
final class LongestCommonSubsequence {

    private LongestCommonSubsequence() {
    }

    /**
     * @return the length of a longest common subsequence; O(len(a)·len(b)) time, O(len(b)) memory
     */
    static int length(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int value : a) {
            for (int j = 0; j < b.length; j++) {
                current[j + 1] = value == b[j] ? previous[j] + 1 : Math.max(current[j], previous[j + 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
