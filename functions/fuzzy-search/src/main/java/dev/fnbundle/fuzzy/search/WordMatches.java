package dev.fnbundle.fuzzy.search;

import java.util.Arrays;

/**
 * The similarities of one query's words to the vocabulary words that match at least one of them: for each matched
 * vocabulary id a row with one similarity per query word (0 where it does not match). Sparse, so a query costs what it
 * matches rather than the vocabulary's size; an open-addressing table finds a vocabulary id's row.
 */
final class WordMatches {

    private final int queryWords;
    private int[] ids = new int[64];
    private double[][] rows = new double[64][];
    private int size;
    /** Slot + 1 of each vocabulary id at its hash position (0 = empty); a power of two at most half full. */
    private int[] table = new int[128];

    WordMatches(int queryWords) {
        this.queryWords = queryWords;
    }

    /** Raises the similarity of vocabulary word {@code v} to query word {@code i} to at least {@code similarity}. */
    void raise(int v, int i, double similarity) {
        double[] row = rowOf(v);
        if (row == null) {
            row = add(v);
        }
        row[i] = Math.max(row[i], similarity);
    }

    /** @return the similarities of vocabulary word {@code v} to each query word, or null when it matches none */
    double[] rowOf(int v) {
        int mask = table.length - 1;
        for (int at = hash(v) & mask; table[at] != 0; at = (at + 1) & mask) {
            if (ids[table[at] - 1] == v) {
                return rows[table[at] - 1];
            }
        }
        return null;
    }

    /** @return how many vocabulary words match some query word */
    int size() {
        return size;
    }

    /** @return the vocabulary id of the {@code k}-th matched word (in no particular order) */
    int id(int k) {
        return ids[k];
    }

    /** @return the similarities of the {@code k}-th matched word to each query word */
    double[] row(int k) {
        return rows[k];
    }

    private double[] add(int v) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            rows = Arrays.copyOf(rows, size * 2);
        }
        if (2 * (size + 1) > table.length) {
            rehash(table.length * 2);
        }
        ids[size] = v;
        rows[size] = new double[queryWords];
        insert(v, size);
        return rows[size++];
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        for (int k = 0; k < size; k++) {
            insert(ids[k], k);
        }
    }

    private void insert(int v, int slot) {
        int mask = table.length - 1;
        int at = hash(v) & mask;
        while (table[at] != 0) {
            at = (at + 1) & mask;
        }
        table[at] = slot + 1;
    }

    private static int hash(int v) {
        return v * 0x9E3779B9 >>> 7;
    }
}
