package dev.fnbundle.fuzzy.search;

import java.util.Arrays;

/**
 * The catalog's items grouped by text length into at most {@link #MAX_CLASSES} classes of similar size, as
 * cumulative bitsets: {@code upTo(c)} holds every item whose length is at most the largest length of class
 * {@code c}. The seed bound decreases with the item length, so the items worth opening in a band are always those up
 * to some class.
 */
final class LengthClasses {

    static final int MAX_CLASSES = 32;

    private final int[] minLengths;
    private final long[][] cumulative;
    private final int[] sortedLengths;

    LengthClasses(ItemStore store) {
        int items = store.size();
        sortedLengths = new int[items];
        for (int position = 0; position < items; position++) {
            sortedLengths[position] = store.length(position);
        }
        Arrays.sort(sortedLengths);
        int[] upper = classUpperBounds(sortedLengths);
        minLengths = new int[upper.length];
        for (int c = 0; c < upper.length; c++) {
            minLengths[c] = c == 0 ? 0 : upper[c - 1] + 1;
        }
        int words = (items + 63) >>> 6;
        cumulative = new long[upper.length][words];
        for (int position = 0; position < items; position++) {
            int c = Arrays.binarySearch(upper, store.length(position));
            cumulative[c < 0 ? -c - 1 : c][position >>> 6] |= 1L << position;
        }
        for (int c = 1; c < upper.length; c++) {
            for (int w = 0; w < words; w++) {
                cumulative[c][w] |= cumulative[c - 1][w];
            }
        }
    }

    /** @return ascending largest lengths of the classes, each class holding about 1/32 of the items */
    private static int[] classUpperBounds(int[] sorted) {
        int[] upper = new int[MAX_CLASSES];
        int count = 0;
        for (int c = 1; c <= MAX_CLASSES; c++) {
            int last = (int) ((long) sorted.length * c / MAX_CLASSES) - 1;
            if (last < 0) {
                continue;
            }
            int length = sorted[last];
            if (count == 0 || length > upper[count - 1]) {
                upper[count++] = length;
            }
        }
        return Arrays.copyOf(upper, count);
    }

    int count() {
        return minLengths.length;
    }

    /** @return a lower bound of the lengths in class {@code c} */
    int minLength(int c) {
        return minLengths[c];
    }

    /** @return the items of classes 0 to {@code c}; shared, not to be modified */
    long[] upTo(int c) {
        return cumulative[c];
    }

    /** @return the shortest item length that is at least {@code length}, or -1 when every item is shorter */
    int shortestAtLeast(int length) {
        int at = Arrays.binarySearch(sortedLengths, length);
        if (at < 0) {
            at = -at - 1;
        } else {
            while (at > 0 && sortedLengths[at - 1] == length) {
                at--;
            }
        }
        return at < sortedLengths.length ? sortedLengths[at] : -1;
    }
}
