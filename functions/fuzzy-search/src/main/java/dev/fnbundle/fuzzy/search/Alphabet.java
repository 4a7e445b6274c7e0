package dev.fnbundle.fuzzy.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Dense ids for the code points of a catalog's lower-cased texts, most frequent first, so that item texts fit in
 * bytes or chars and character counts fit in small arrays. Code points absent from the catalog get distinct negative
 * ids in a query: they equal nothing in any item, as they should.
 */
final class Alphabet {

    /** Code points below this are looked up in {@link #idOfSmall}; the rest by binary search. */
    private static final int SMALL_LIMIT = 1 << 16;

    private final int[] sortedCodePoints;
    private final int[] idOfSorted;
    /**
     * The id of each code point up to the largest of the alphabet's below {@value #SMALL_LIMIT}, -1 for those it
     * lacks: a cold container encodes every vocabulary word on load, and an array read is several times cheaper than
     * a binary search per character. At most 256 KB; about 33 KB for product titles in Latin scripts.
     */
    private final int[] idOfSmall;

    private Alphabet(int[] sortedCodePoints, int[] idOfSorted) {
        this.sortedCodePoints = sortedCodePoints;
        this.idOfSorted = idOfSorted;
        int small = 0;
        while (small < sortedCodePoints.length && sortedCodePoints[small] < SMALL_LIMIT) {
            small++;
        }
        idOfSmall = new int[small == 0 ? 0 : sortedCodePoints[small - 1] + 1];
        Arrays.fill(idOfSmall, -1);
        for (int k = 0; k < small; k++) {
            idOfSmall[sortedCodePoints[k]] = idOfSorted[k];
        }
    }

    static Alphabet of(int[][] texts) {
        Map<Integer, int[]> frequencies = new HashMap<>();
        for (int[] text : texts) {
            for (int codePoint : text) {
                frequencies.computeIfAbsent(codePoint, key -> new int[1])[0]++;
            }
        }
        Integer[] byFrequency = frequencies.keySet().toArray(new Integer[0]);
        Arrays.sort(byFrequency, (x, y) -> {
            int order = Integer.compare(frequencies.get(y)[0], frequencies.get(x)[0]);
            return order != 0 ? order : Integer.compare(x, y);
        });
        int[] sorted = frequencies.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] ids = new int[sorted.length];
        for (int id = 0; id < byFrequency.length; id++) {
            ids[Arrays.binarySearch(sorted, byFrequency[id])] = id;
        }
        return new Alphabet(sorted, ids);
    }

    /**
     * An alphabet from its two tables, as {@link #sortedCodePoints()} and {@link #idsOfSorted()} gave them.
     *
     * @throws IllegalArgumentException unless the code points ascend strictly and the ids are a permutation
     */
    static Alphabet of(int[] sortedCodePoints, int[] idOfSorted) {
        if (sortedCodePoints.length != idOfSorted.length) {
            throw new IllegalArgumentException("alphabet tables of different lengths");
        }
        boolean[] taken = new boolean[idOfSorted.length];
        for (int k = 0; k < sortedCodePoints.length; k++) {
            if (k > 0 && sortedCodePoints[k] <= sortedCodePoints[k - 1]) {
                throw new IllegalArgumentException("alphabet code points not ascending at " + k);
            }
            int id = idOfSorted[k];
            if (id < 0 || id >= taken.length || taken[id]) {
                throw new IllegalArgumentException("alphabet ids not a permutation at " + k);
            }
            taken[id] = true;
        }
        return new Alphabet(sortedCodePoints, idOfSorted);
    }

    /** @return the catalog's code points, ascending; shared, not to be modified */
    int[] sortedCodePoints() {
        return sortedCodePoints;
    }

    /** @return the dense id of each of {@link #sortedCodePoints()}; shared, not to be modified */
    int[] idsOfSorted() {
        return idOfSorted;
    }

    int size() {
        return sortedCodePoints.length;
    }

    /** @return the dense id, or -1 when the code point never occurs in the catalog */
    int idOf(int codePoint) {
        if (codePoint >= 0 && codePoint < idOfSmall.length) {
            return idOfSmall[codePoint];
        }
        if (codePoint < SMALL_LIMIT) {
            return -1;
        }
        int at = Arrays.binarySearch(sortedCodePoints, codePoint);
        return at >= 0 ? idOfSorted[at] : -1;
    }

    /** @return the text with catalog code points replaced by their ids and others by distinct negative ids */
    int[] encodeQuery(int[] text) {
        int[] encoded = new int[text.length];
        // Made on the first unknown code point only: the vocabulary's words, encoded on load, have none.
        Map<Integer, Integer> unknown = null;
        for (int i = 0; i < text.length; i++) {
            int id = idOf(text[i]);
            if (id < 0) {
                if (unknown == null) {
                    unknown = new HashMap<>();
                }
                Map<Integer, Integer> seen = unknown;
                id = seen.computeIfAbsent(text[i], key -> -1 - seen.size());
            }
            encoded[i] = id;
        }
        return encoded;
    }
}
