package dev.fnbundle.fuzzy.search;

/** Multisets held as sorted int arrays (characters, or ranked tokens). */
final class SortedMultisets {
    private SortedMultisets() {
    }

    /**
     * How many elements the two multisets share, counting repeats: {@code |x ∩ y|} for Counter-style multisets,
     * the numerator of textdistance's Jaccard. Both arrays must be sorted ascending. O(|x| + |y|).
     */
    static int intersectionSize(int[] x, int[] y) {
        int intersection = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length;) {
            if (x[i] == y[j]) {
                intersection++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return intersection;
    }
}
