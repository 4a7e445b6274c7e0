package dev.fnbundle.fuzzy.search;

import java.util.Arrays;

/**
 * The best {@code limit} (score, position) pairs at or above a threshold, ordered by score descending then position
 * ascending, which is what a stable descending sort of a catalog-ordered list gives.
 */
final class TopHits {

    private final int limit;
    private final double threshold;
    private final double[] scores;
    private final int[] positions;
    private int size;

    TopHits(int limit, double threshold) {
        this.limit = limit;
        this.threshold = threshold;
        this.scores = new double[limit];
        this.positions = new int[limit];
    }

    /**
     * @return the smallest score an item needs to still have a chance: the threshold until the list is full, then
     *         the score of the last kept item (an equal score can still enter with a smaller position)
     */
    double bar() {
        return size < limit ? threshold : scores[limit - 1];
    }

    boolean full() {
        return size == limit;
    }

    /** Keeps the item if it qualifies and ranks within the limit. */
    void offer(double score, int position) {
        if (!(score >= threshold)) {
            return;
        }
        if (size == limit && !before(score, position, scores[limit - 1], positions[limit - 1])) {
            return;
        }
        int at = size < limit ? size++ : limit - 1;
        while (at > 0 && before(score, position, scores[at - 1], positions[at - 1])) {
            scores[at] = scores[at - 1];
            positions[at] = positions[at - 1];
            at--;
        }
        scores[at] = score;
        positions[at] = position;
    }

    int size() {
        return size;
    }

    double score(int rank) {
        return scores[rank];
    }

    int position(int rank) {
        return positions[rank];
    }

    int[] positions() {
        return Arrays.copyOf(positions, size);
    }

    private static boolean before(double score, int position, double otherScore, int otherPosition) {
        return score > otherScore || score == otherScore && position < otherPosition;
    }
}
