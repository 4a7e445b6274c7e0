package dev.fnbundle.fuzzy.search;

import java.util.Arrays;

/**
 * The default ranker's edit rule over the vocabulary: the words {@code t} with
 * {@code 1 - osa(q, t) / max(|q|, |t|) >= 0.6} for a query word {@code q}.
 *
 * <p>The vocabulary sits in flat arrays sorted by length (dense {@link Alphabet} ids, and a 64-bucket set of each
 * word's symbols), so a query word scans only the lengths that can reach the floor ({@code 3|q|/5} to {@code 5|q|/3}),
 * drops a word when the length difference or the buckets either side lacks already prove more edits than the floor
 * allows (one edit adds or removes at most one character on each side), and computes the exact distance of the rest:
 * bit-parallel ({@link OsaBits}) for query words of up to 64 code points, else by the matrix, stopping as soon as a
 * row exceeds the allowance. Thread-safe.
 */
final class EditNeighbours {

    private final int[] ids;
    private final long[] masks;
    private final int[] offsets;
    /** The words' code points as dense {@link Alphabet} ids, concatenated in the sorted order. */
    private final int[] symbols;
    private final Alphabet alphabet;
    /** Index of the first word of each length in the sorted arrays; {@code lengthStarts[maxLength + 1]} = size. */
    private final int[] lengthStarts;

    /**
     * @param vocabulary non-empty words as code points; a word's vocabulary id is its index
     * @param alphabet   {@code Alphabet.of(vocabulary)}, holding every code point of the vocabulary
     */
    EditNeighbours(int[][] vocabulary, Alphabet alphabet) {
        int maxLength = Arrays.stream(vocabulary).mapToInt(word -> word.length).max().orElse(0);
        lengthStarts = new int[maxLength + 2];
        for (int[] word : vocabulary) {
            lengthStarts[word.length + 1]++;
        }
        for (int length = 0; length <= maxLength; length++) {
            lengthStarts[length + 1] += lengthStarts[length];
        }
        ids = new int[vocabulary.length];
        int[] next = Arrays.copyOf(lengthStarts, maxLength + 1);
        for (int v = 0; v < vocabulary.length; v++) {
            ids[next[vocabulary[v].length]++] = v;
        }
        masks = new long[ids.length];
        offsets = new int[ids.length + 1];
        for (int k = 0; k < ids.length; k++) {
            offsets[k + 1] = offsets[k] + vocabulary[ids[k]].length;
        }
        this.alphabet = alphabet;
        symbols = new int[offsets[ids.length]];
        for (int k = 0; k < ids.length; k++) {
            int[] word = alphabet.encodeQuery(vocabulary[ids[k]]);
            System.arraycopy(word, 0, symbols, offsets[k], word.length);
            masks[k] = mask(word);
        }
    }

    /** Receives the words the edit rule reaches. */
    interface Matches {
        void match(int vocabularyId, double similarity);
    }

    /**
     * Reports, once each, every vocabulary word whose edit similarity to {@code query} reaches
     * {@link DefaultRanker#MATCH_FLOOR}, with that similarity (exactly {@link DefaultRanker#wordSimilarity}'s edit
     * part). O(words of the reachable lengths) plus a bounded matrix per word that passes the filter.
     */
    void match(int[] word, Matches matches) {
        int[] query = alphabet.encodeQuery(word);
        int m = query.length;
        long queryMask = mask(query);
        int shortest = (3 * m + 4) / 5;
        int longest = Math.min(5 * m / 3, lengthStarts.length - 2);
        if (shortest > longest) {
            return;
        }
        OsaBits bits = m >= 1 && m <= OsaBits.MAX_PATTERN ? new OsaBits(query, alphabet.size()) : null;
        int[][] rows = bits == null ? new int[3][longest + 1] : null;
        for (int k = lengthStarts[shortest]; k < lengthStarts[longest + 1]; k++) {
            int t = offsets[k + 1] - offsets[k];
            int allowed = 2 * Math.max(m, t) / 5;
            long mask = masks[k];
            if (Math.abs(m - t) > allowed || Long.bitCount(queryMask & ~mask) > allowed
                    || Long.bitCount(mask & ~queryMask) > allowed) {
                continue;
            }
            int distance = bits != null ? bits.distance(symbols, offsets[k], t, allowed)
                    : distance(query, offsets[k], t, allowed, rows);
            if (distance <= allowed) {
                double similarity = DefaultRanker.wordSimilarity(m, t, distance, -1);
                if (similarity > 0) {
                    matches.match(ids[k], similarity);
                }
            }
        }
    }

    /**
     * textdistance's restricted Damerau-Levenshtein distance of the query and the word at {@code from}, or some value
     * above {@code allowed} as soon as a whole row exceeds it (rows never decrease, so the distance would too).
     */
    private int distance(int[] a, int from, int length, int allowed, int[][] rows) {
        int[] twoBack = rows[0];
        int[] back = rows[1];
        int[] row = rows[2];
        for (int j = 0; j <= length; j++) {
            back[j] = j;
        }
        for (int i = 0; i < a.length; i++) {
            row[0] = i + 1;
            int minimum = row[0];
            for (int j = 0; j < length; j++) {
                int b = symbols[from + j];
                int cost = a[i] == b ? 0 : 1;
                int value = Math.min(Math.min(back[j + 1] + 1, row[j] + 1), back[j] + cost);
                if (i > 0 && j > 0 && a[i] == symbols[from + j - 1] && a[i - 1] == b) {
                    value = Math.min(value, twoBack[j - 1] + cost);
                }
                row[j + 1] = value;
                minimum = Math.min(minimum, value);
            }
            if (minimum > allowed) {
                return allowed + 1;
            }
            int[] recycled = twoBack;
            twoBack = back;
            back = row;
            row = recycled;
        }
        return back[length];
    }

    /** @return a 64-bucket set of the word's symbols */
    private static long mask(int[] word) {
        long mask = 0;
        for (int c : word) {
            mask |= 1L << ((c * 0x9E3779B9) >>> 26);
        }
        return mask;
    }

    /** @return the alphabet the vocabulary is encoded in */
    Alphabet alphabet() {
        return alphabet;
    }
}
