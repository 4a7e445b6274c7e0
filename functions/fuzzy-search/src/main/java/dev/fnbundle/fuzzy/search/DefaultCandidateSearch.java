package dev.fnbundle.fuzzy.search;

import java.util.Arrays;
import java.util.List;

/**
 * The default ranker's exact top-k over a {@link WordIndex}. Items holding no word similar to a query word score 0,
 * so only the others are candidates; they are grouped by which query words they match, and each group's bound
 * {@code 0.85 * sum(w(q) * best possible similarity of q) / sum(w(q)) + 0.15} (title coverage at most 1) decides the
 * order: groups are scored best bound first until a bound falls below the bar (threshold, then k-th score). With a
 * threshold of 0, items without any match follow in catalog order with score 0.
 *
 * <p>Cost: the postings of the matched words once, then the exact scores of the groups that can still place.
 */
final class DefaultCandidateSearch {

    /** Query words beyond the 63rd share the last bit of the match masks. */
    private static final int MASK_BITS = 63;

    private final WordIndex words;
    private final int items;
    private final List<WordForm> query;
    private final WordMatches similarities;
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
        int[] candidates = new int[64];
        int count = 0;
        for (int k = 0; k < similarities.size(); k++) {
            long mask = maskOf(similarities.row(k));
            for (int position : words.itemsHolding(similarities.id(k))) {
                if (masks[position] == 0) {
                    if (count == candidates.length) {
                        candidates = Arrays.copyOf(candidates, count * 2);
                    }
                    candidates[count++] = position;
                }
                masks[position] |= mask;
            }
        }
        scoreByGroup(masks, candidates, count);
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

    /** Sorts the candidates into groups of equal masks (a counting sort), then scores groups best bound first. */
    private void scoreByGroup(long[] masks, int[] candidates, int count) {
        MaskGroups groups = new MaskGroups();
        int[] groupOf = new int[count];
        for (int c = 0; c < count; c++) {
            groupOf[c] = groups.groupOf(masks[candidates[c]]);
        }
        int[] starts = new int[groups.size() + 1];
        for (int c = 0; c < count; c++) {
            starts[groupOf[c] + 1]++;
        }
        for (int g = 0; g < groups.size(); g++) {
            starts[g + 1] += starts[g];
        }
        int[] sorted = new int[count];
        int[] next = Arrays.copyOf(starts, groups.size());
        for (int c = 0; c < count; c++) {
            sorted[next[groupOf[c]]++] = candidates[c];
        }
        double[] best = bestSimilarities();
        double[] bounds = new double[groups.size()];
        Integer[] order = new Integer[groups.size()];
        for (int g = 0; g < order.length; g++) {
            bounds[g] = bound(groups.mask(g), best);
            order[g] = g;
        }
        Arrays.sort(order, (x, y) -> Double.compare(bounds[y], bounds[x]));
        for (int k = 0; k < order.length && bounds[order[k]] >= top.bar(); k++) {
            int g = order[k];
            for (int at = starts[g]; at < starts[g + 1]; at++) {
                scored++;
                top.offer(words.score(query, similarities, sorted[at]), sorted[at]);
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
        for (int k = 0; k < similarities.size(); k++) {
            double[] row = similarities.row(k);
            for (int i = 0; i < row.length; i++) {
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

    /** Distinct non-zero masks numbered in order of appearance, through an open-addressing table. */
    private static final class MaskGroups {
        private long[] masks = new long[16];
        private int[] table = new int[32];
        private int size;

        int groupOf(long mask) {
            int slot = slot(mask);
            if (table[slot] != 0) {
                return table[slot] - 1;
            }
            if (size == masks.length) {
                masks = Arrays.copyOf(masks, size * 2);
            }
            masks[size++] = mask;
            if (2 * size > table.length) {
                table = new int[table.length * 2];
                for (int g = 0; g < size; g++) {
                    table[slot(masks[g])] = g + 1;
                }
            } else {
                table[slot] = size;
            }
            return size - 1;
        }

        /** @return where {@code mask} is, or the empty slot where it would go */
        private int slot(long mask) {
            int bits = table.length - 1;
            int at = (int) ((mask * 0x9E3779B97F4A7C15L) >>> 40) & bits;
            while (table[at] != 0 && masks[table[at] - 1] != mask) {
                at = (at + 1) & bits;
            }
            return at;
        }

        int size() {
            return size;
        }

        long mask(int group) {
            return masks[group];
        }
    }
}
