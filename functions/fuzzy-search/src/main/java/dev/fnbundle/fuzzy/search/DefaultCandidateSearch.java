package dev.fnbundle.fuzzy.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The default ranker's exact top-k over a {@link WordIndex}. Items holding no word similar to a query word score 0,
 * so only the others are candidates; they are grouped by which query words they match, and each group's bound
 * {@code 0.85 * sum(w(q) * best possible similarity of q) / sum(w(q)) + 0.15} (title coverage at most 1) decides the
 * order: groups are scored best bound first until a bound falls below the bar (threshold, then k-th score). With a
 * threshold of 0, items without any match follow in catalog order with score 0.
 */
final class DefaultCandidateSearch {

    /** Query words beyond the 63rd share the last bit of the match masks. */
    private static final int MASK_BITS = 63;

    private final WordIndex words;
    private final int items;
    private final List<WordForm> query;
    private final double[][] similarities;
    private final TopHits top;
    private int scored;

    DefaultCandidateSearch(WordIndex words, int items, List<WordForm> query, int limit, double threshold) {
        this.words = words;
        this.items = items;
        this.query = query;
        this.similarities = words.similarities(query);
        this.top = new TopHits(limit, threshold);
    }

    TopHits run() {
        long[] masks = new long[items];
        int[] touched = new int[items];
        int count = 0;
        for (int v = 0; v < similarities.length; v++) {
            if (similarities[v] != null) {
                long mask = maskOf(similarities[v]);
                for (int position : words.itemsHolding(v)) {
                    if (masks[position] == 0) {
                        touched[count++] = position;
                    }
                    masks[position] |= mask;
                }
            }
        }
        scoreByGroup(masks, Arrays.copyOf(touched, count));
        for (int position = 0; position < items && !top.full() && top.bar() <= 0; position++) {
            if (masks[position] == 0) {
                top.offer(0.0, position);
            }
        }
        return top;
    }

    int scoredItems() {
        return scored;
    }

    private void scoreByGroup(long[] masks, int[] candidates) {
        Map<Long, int[]> groups = new HashMap<>();
        Map<Long, Integer> sizes = new HashMap<>();
        for (int position : candidates) {
            sizes.merge(masks[position], 1, Integer::sum);
        }
        for (int position : candidates) {
            int[] group = groups.computeIfAbsent(masks[position], mask -> new int[sizes.get(mask) + 1]);
            group[++group[0]] = position;
        }
        double[] best = bestSimilarities();
        Long[] order = groups.keySet().toArray(new Long[0]);
        double[] bounds = new double[order.length];
        Arrays.sort(order, (x, y) -> Double.compare(bound(y, best), bound(x, best)));
        for (int g = 0; g < order.length; g++) {
            bounds[g] = bound(order[g], best);
        }
        for (int g = 0; g < order.length && bounds[g] >= top.bar(); g++) {
            int[] group = groups.get(order[g]);
            for (int k = 1; k <= group[0]; k++) {
                scored++;
                top.offer(words.score(query, similarities, group[k]), group[k]);
            }
        }
    }

    private static long maskOf(double[] row) {
        long mask = 0;
        for (int i = 0; i < row.length; i++) {
            if (row[i] > 0) {
                mask |= 1L << Math.min(i, MASK_BITS - 1);
            }
        }
        return mask;
    }

    /** @return for each query word, its best similarity to any catalog word */
    private double[] bestSimilarities() {
        double[] best = new double[query.size()];
        for (double[] row : similarities) {
            for (int i = 0; row != null && i < row.length; i++) {
                best[i] = Math.max(best[i], row[i]);
            }
        }
        return best;
    }

    /** An upper bound of the default score of any item matching exactly the query words in {@code mask}. */
    private double bound(long mask, double[] best) {
        double weighted = 0;
        double weights = 0;
        for (int i = 0; i < query.size(); i++) {
            int weight = DefaultRanker.weight(query.get(i));
            weights += weight;
            if ((mask & (1L << Math.min(i, MASK_BITS - 1))) != 0) {
                weighted += weight * best[i];
            }
        }
        return 0.85 * (weighted / weights) + 0.15 + SeedScoreBound.SLACK;
    }
}
