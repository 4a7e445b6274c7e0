package dev.fnbundle.rss.parse;

/**
 * A field several elements can fill: the value from the most authoritative source wins (lower rank), and among
 * equal ranks the first in document order.
 */
final class Ranked<T> {
    private T value;
    private int rank = Integer.MAX_VALUE;

    /** Offers a candidate; null is ignored. */
    void offer(T candidate, int candidateRank) {
        if (candidate != null && candidateRank < rank) {
            value = candidate;
            rank = candidateRank;
        }
    }

    /** True when a candidate of this rank would win, so callers can skip computing one that would not. */
    boolean accepts(int candidateRank) {
        return candidateRank < rank;
    }

    /** The winning value, or null. */
    T get() {
        return value;
    }
}
