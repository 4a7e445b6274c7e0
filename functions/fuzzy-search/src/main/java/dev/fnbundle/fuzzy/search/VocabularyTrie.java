package dev.fnbundle.fuzzy.search;

import java.util.Arrays;

/**
 * The catalog's vocabulary as a trie laid out in preorder, for the default ranker's prefix rule: the words longer than
 * a query word whose prefix of its length is within a third of its length in edits.
 *
 * <p>A walk computes the optimal string alignment matrix of the query word against each trie path one column (one
 * path character) at a time, so words sharing a prefix share its columns, down to the query word's length. Any
 * alignment reaching cell {@code (m, m)} crosses column {@code j} at some row {@code i} and still needs
 * {@code |i - j|} edits, so {@code min(d[i][j] + |i - j|)} bounds the prefix's distance: a subtree is skipped in one
 * jump once that bound exceeds {@code m / 3}. At depth {@code m} the distance is exact, and every longer word below
 * shares it.
 *
 * <p>Memory: 20 bytes per node (a node per distinct prefix), about 2 MB for 60 000 distinct product words.
 * Thread-safe.
 */
final class VocabularyTrie {

    private final int[] chars;
    private final int[] depths;
    /** Preorder index just past each node's subtree. */
    private final int[] ends;
    /** The vocabulary id of the word ending at each node, or -1. */
    private final int[] words;
    /**
     * The length of the longest word at or below each node: a subtree holding no word longer than the query is
     * skipped unwalked (a misspelt merge of two words, 15+ letters, otherwise walks every prefix within its allowance).
     */
    private final int[] longest;
    private final int nodes;

    /**
     * @param vocabulary distinct, non-empty words as code points; a word's vocabulary id is its index
     * @param order      the vocabulary ids sorted by their words' code points ({@link #sortedOrder})
     */
    VocabularyTrie(int[][] vocabulary, int[] order) {
        int capacity = 0;
        int[] previous = new int[0];
        for (int v : order) {
            capacity += vocabulary[v].length - commonPrefix(previous, vocabulary[v]);
            previous = vocabulary[v];
        }
        chars = new int[capacity];
        depths = new int[capacity];
        ends = new int[capacity];
        words = new int[capacity];
        longest = new int[capacity];
        Arrays.fill(words, -1);
        nodes = build(vocabulary, order);
    }

    /** @return the vocabulary ids sorted by their words' code points (lexicographically) */
    static int[] sortedOrder(int[][] vocabulary) {
        Integer[] order = new Integer[vocabulary.length];
        for (int v = 0; v < order.length; v++) {
            order[v] = v;
        }
        Arrays.sort(order, (x, y) -> Arrays.compare(vocabulary[x], vocabulary[y]));
        int[] sorted = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            sorted[k] = order[k];
        }
        return sorted;
    }

    /** @return the vocabulary ids in the order the trie was built from: {@link #sortedOrder}, read off its nodes */
    int[] order() {
        int count = 0;
        for (int node = 0; node < nodes; node++) {
            if (words[node] >= 0) {
                count++;
            }
        }
        int[] order = new int[count];
        count = 0;
        for (int node = 0; node < nodes; node++) {
            if (words[node] >= 0) {
                order[count++] = words[node];
            }
        }
        return order;
    }

    /** Appends each word's new suffix in sorted order, closing the nodes the next word no longer shares. */
    private int build(int[][] vocabulary, int[] order) {
        int count = 0;
        int[] open = new int[16];
        int depth = 0;
        int[] previous = new int[0];
        for (int v : order) {
            int[] word = vocabulary[v];
            int shared = commonPrefix(previous, word);
            depth = close(open, depth, shared, count);
            for (int k = shared; k < word.length; k++) {
                if (depth == open.length) {
                    open = Arrays.copyOf(open, depth * 2);
                }
                chars[count] = word[k];
                depths[count] = k + 1;
                open[depth++] = count++;
            }
            words[open[depth - 1]] = v;
            for (int k = 0; k < depth; k++) {
                longest[open[k]] = Math.max(longest[open[k]], word.length);
            }
            previous = word;
        }
        close(open, depth, 0, count);
        return count;
    }

    private int close(int[] open, int depth, int keep, int end) {
        while (depth > keep) {
            ends[open[--depth]] = end;
        }
        return depth;
    }

    private static int commonPrefix(int[] a, int[] b) {
        int mismatch = Arrays.mismatch(a, b);
        return mismatch < 0 ? a.length : mismatch;
    }

    /** Receives the words the prefix rule reaches. */
    interface Matches {
        void match(int vocabularyId, double similarity);
    }

    /**
     * Reports, once each, every vocabulary word longer than {@code query} (of at least 3 code points) whose prefix of
     * the query's length is at most {@code |query| / 3} edits away, with its
     * {@link DefaultRanker#prefixSimilarity prefix similarity}. O(visited nodes · |query| + reported words).
     */
    void matchPrefixes(int[] query, Matches matches) {
        int m = query.length;
        if (m < 3) {
            return;
        }
        int[][] columns = new int[m + 1][m + 1];
        int[] pathChars = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            columns[0][i] = i;
        }
        int node = 0;
        while (node < nodes) {
            if (longest[node] <= m) {
                node = ends[node];
                continue;
            }
            int depth = depths[node];
            pathChars[depth] = chars[node];
            int bound = column(query, columns, pathChars, depth);
            if (3 * bound > m) {
                node = ends[node];
            } else if (depth < m) {
                node++;
            } else {
                reportBelow(node, DefaultRanker.prefixSimilarity(m, columns[m][m]), matches);
                node = ends[node];
            }
        }
    }

    /** Reports every word below {@code node} (all longer than it) when the similarity reaches the floor. */
    private void reportBelow(int node, double similarity, Matches matches) {
        if (similarity >= DefaultRanker.MATCH_FLOOR) {
            for (int below = node + 1; below < ends[node]; below++) {
                if (words[below] >= 0) {
                    matches.match(words[below], similarity);
                }
            }
        }
    }

    /**
     * Fills the column of the path's {@code depth}-th character from the two before it (textdistance's restricted
     * recurrence, a transposition costing the substitution cost) and returns the least edits any alignment through
     * this column still needs to reach the prefix cell: {@code min(d[i][depth] + |i - depth|)}.
     */
    private static int column(int[] query, int[][] columns, int[] pathChars, int depth) {
        int[] column = columns[depth];
        int[] back = columns[depth - 1];
        int c = pathChars[depth];
        column[0] = depth;
        int bound = 2 * depth;
        for (int i = 1; i < column.length; i++) {
            int cost = query[i - 1] == c ? 0 : 1;
            int value = Math.min(Math.min(back[i] + 1, column[i - 1] + 1), back[i - 1] + cost);
            if (i > 1 && depth > 1 && query[i - 1] == pathChars[depth - 1] && query[i - 2] == c) {
                value = Math.min(value, columns[depth - 2][i - 2] + cost);
            }
            column[i] = value;
            bound = Math.min(bound, value + Math.abs(i - depth));
        }
        return bound;
    }

    /** @return the number of trie nodes (diagnostics) */
    int size() {
        return nodes;
    }
}
