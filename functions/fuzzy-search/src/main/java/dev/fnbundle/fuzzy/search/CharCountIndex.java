package dev.fnbundle.fuzzy.search;

/**
 * Character-count inverted index: for each dense character {@code c} and occurrence number {@code j}, the items
 * holding {@code c} at least {@code j} times. The multiset intersection of a query with every item is then the number
 * of the query's (c, j) tokens each item holds, which {@link #count} accumulates into bit-sliced counters: 64 items
 * per machine word, so counting a 100 000-item catalog costs a few hundred thousand word operations per query.
 *
 * <p>A posting is a bitset when it holds at least 1/32 of the catalog (then no larger than the id list) and a sorted
 * id list otherwise. Items are also listed by their first character, for the Jaro-Winkler prefix bound.
 */
final class CharCountIndex {

    private final int items;
    private final int[] tokenBase;
    private final long[][] bitsets;
    private final int[][] idLists;
    private final int[][] byFirstChar;

    CharCountIndex(ItemStore store) {
        this.items = store.size();
        int alphabetSize = store.alphabet().size();
        int[] counts = new int[alphabetSize];
        int[] maxCount = new int[alphabetSize];
        forEachOccurrence(store, counts, (position, id, occurrence) -> maxCount[id] = Math.max(maxCount[id],
                occurrence));
        this.tokenBase = new int[alphabetSize + 1];
        for (int c = 0; c < alphabetSize; c++) {
            tokenBase[c + 1] = tokenBase[c] + maxCount[c];
        }
        int[][] lists = postingLists(store, counts);
        this.bitsets = new long[lists.length][];
        this.idLists = new int[lists.length][];
        for (int t = 0; t < lists.length; t++) {
            if ((long) lists[t].length * 32 >= items) {
                bitsets[t] = bitset(lists[t]);
            } else {
                idLists[t] = lists[t];
            }
        }
        this.byFirstChar = byFirstCharacter(store, alphabetSize);
    }

    /** @return for each token, the ascending positions of the items holding it */
    private int[][] postingLists(ItemStore store, int[] counts) {
        int[] sizes = new int[tokenBase[tokenBase.length - 1]];
        forEachOccurrence(store, counts, (position, id, occurrence) -> sizes[tokenBase[id] + occurrence - 1]++);
        int[][] lists = new int[sizes.length][];
        for (int t = 0; t < lists.length; t++) {
            lists[t] = new int[sizes[t]];
        }
        int[] filled = new int[sizes.length];
        forEachOccurrence(store, counts, (position, id, occurrence) -> {
            int token = tokenBase[id] + occurrence - 1;
            lists[token][filled[token]++] = position;
        });
        return lists;
    }

    private long[] bitset(int[] positions) {
        long[] bits = new long[(items + 63) >>> 6];
        for (int position : positions) {
            bits[position >>> 6] |= 1L << position;
        }
        return bits;
    }

    private static int[][] byFirstCharacter(ItemStore store, int alphabetSize) {
        int[] sizes = new int[alphabetSize];
        for (int position = 0; position < store.size(); position++) {
            if (store.length(position) > 0) {
                sizes[store.charAt(position, 0)]++;
            }
        }
        int[][] lists = new int[alphabetSize][];
        for (int c = 0; c < alphabetSize; c++) {
            lists[c] = new int[sizes[c]];
            sizes[c] = 0;
        }
        for (int position = 0; position < store.size(); position++) {
            if (store.length(position) > 0) {
                int c = store.charAt(position, 0);
                lists[c][sizes[c]++] = position;
            }
        }
        return lists;
    }

    /** Receives every (item, character, occurrence number) of the catalog, items in order. */
    private interface OccurrenceVisitor {
        void visit(int position, int id, int occurrence);
    }

    private static void forEachOccurrence(ItemStore store, int[] counts, OccurrenceVisitor visitor) {
        for (int position = 0; position < store.size(); position++) {
            int length = store.length(position);
            for (int k = 0; k < length; k++) {
                int id = store.charAt(position, k);
                visitor.visit(position, id, ++counts[id]);
            }
            for (int k = 0; k < length; k++) {
                counts[store.charAt(position, k)] = 0;
            }
        }
    }

    /** @return the largest number of times any item holds the dense character {@code id} */
    int maxOccurrences(int id) {
        return tokenBase[id + 1] - tokenBase[id];
    }

    /** @return the items whose lower-cased text starts with the dense character {@code id}, ascending */
    int[] startingWith(int id) {
        return byFirstChar[id];
    }

    /**
     * Adds 1 to the counter of an item for every (character, occurrence) token it holds. A bitset posting is added
     * 64 items per step, rippling the carry through the bit planes; an id list item by item.
     *
     * @param ids         dense characters of the tokens
     * @param occurrences occurrence numbers of the tokens, at least 1 and at most {@link #maxOccurrences}
     * @param tokenCount  how many tokens of the two arrays to add
     * @param counter     bit-sliced counters: plane {@code p} of word {@code w} at {@code w * planes + p}
     * @param planes      number of bit planes; the caller guarantees that no counter overflows
     */
    void count(int[] ids, int[] occurrences, int tokenCount, long[] counter, int planes) {
        for (int t = 0; t < tokenCount; t++) {
            int token = tokenBase[ids[t]] + occurrences[t] - 1;
            long[] bits = bitsets[token];
            if (bits != null) {
                for (int w = 0, base = 0; w < bits.length; w++, base += planes) {
                    long carry = bits[w];
                    for (int at = base; carry != 0; at++) {
                        long overflow = counter[at] & carry;
                        counter[at] ^= carry;
                        carry = overflow;
                    }
                }
            } else {
                for (int position : idLists[token]) {
                    long carry = 1L << position;
                    for (int at = (position >>> 6) * planes; carry != 0; at++) {
                        long overflow = counter[at] & carry;
                        counter[at] ^= carry;
                        carry = overflow;
                    }
                }
            }
        }
    }
}
