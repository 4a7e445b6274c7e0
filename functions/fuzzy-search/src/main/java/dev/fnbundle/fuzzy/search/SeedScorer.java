package dev.fnbundle.fuzzy.search;

import dev.fnbundle.fuzzy.distance.JaroWinkler;

import java.util.Arrays;

/**
 * The seed score of one query against stored items, with the same arithmetic as {@link SeedRanker} but on dense
 * character ids and reused scratch arrays. One instance serves one query on one thread.
 */
final class SeedScorer {

    private final ItemStore store;
    private final int[] query;
    private final int[] queryCounts;
    private final int[] used;
    private final int[] item;
    private final boolean[] queryFlags;
    private final boolean[] itemFlags;

    SeedScorer(ItemStore store, int[] encodedQuery) {
        this.store = store;
        this.query = encodedQuery;
        this.queryCounts = new int[store.alphabet().size()];
        this.used = new int[store.alphabet().size()];
        for (int id : encodedQuery) {
            if (id >= 0) {
                queryCounts[id]++;
            }
        }
        this.item = new int[store.maxLength()];
        this.queryFlags = new boolean[encodedQuery.length];
        this.itemFlags = new boolean[store.maxLength()];
    }

    int[] query() {
        return query;
    }

    /** @return how many times the query holds the dense character {@code id} */
    int queryCount(int id) {
        return queryCounts[id];
    }

    /** @return the seed score of the item at {@code position} */
    double score(int position) {
        int length = store.copy(position, item);
        double jaroWinkler = JaroWinkler.similarity(query, query.length, item, length, true, false,
                JaroWinkler.DEFAULT_PREFIX_WEIGHT, queryFlags, itemFlags);
        double jaccard = jaccard(length);
        return (SeedRanker.normalized(jaroWinkler) + SeedRanker.normalized(jaccard)) / 2;
    }

    /** textdistance's jaccard on the item held in {@link #item}. */
    private double jaccard(int length) {
        if (Arrays.equals(query, 0, query.length, item, 0, length)) {
            return 1;
        }
        if (length == 0 || query.length == 0) {
            return 0;
        }
        int intersection = 0;
        for (int k = 0; k < length; k++) {
            int id = item[k];
            if (used[id]++ < queryCounts[id]) {
                intersection++;
            }
        }
        for (int k = 0; k < length; k++) {
            used[item[k]] = 0;
        }
        return (double) intersection / (query.length + length - intersection);
    }

    /** @return the common prefix of the query and the item, at most {@code min(4, n, L)} characters */
    int commonPrefix(int position) {
        int limit = Math.min(4, Math.min(query.length, store.length(position)));
        int prefix = 0;
        while (prefix < limit && store.charAt(position, prefix) == query[prefix]) {
            prefix++;
        }
        return prefix;
    }
}
