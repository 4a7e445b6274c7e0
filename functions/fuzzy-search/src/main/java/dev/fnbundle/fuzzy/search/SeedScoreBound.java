package dev.fnbundle.fuzzy.search;

/**
 * An admissible upper bound of the seed score from cheap statistics: the query length {@code n}, the item length
 * {@code L}, their character multiset intersection {@code I} and their common prefix {@code p} (at most 4).
 *
 * <p>Why it is never below the true score:
 * <ul>
 *   <li>Jaro pairs equal characters one to one, so its match count {@code m <= I}, and transpositions only lower it:
 *       {@code jaro = (m/n + m/L + (m - t)/m) / 3 <= (I/n + I/L + 1) / 3}, increasing in {@code m}.</li>
 *   <li>Jaro-Winkler is {@code jaro} when {@code jaro <= 0.7}, else {@code jaro + p * 0.1 * (1 - jaro)}, where
 *       {@code p} is the common prefix of at most {@code min(4, n, L)} characters; {@code x + 0.4 (1 - x)} and its
 *       smaller-{@code p} forms are non-decreasing in {@code x}, and both branches are below the boosted bound.
 *       Equal texts score 1, which the bound gives for {@code I = n = L}.</li>
 *   <li>Jaccard over multisets is exactly {@code I / (n + L - I)}.</li>
 *   <li>The bound of the combined score {@code (jw + jaccard) / 2} is increasing in {@code I} and decreasing in
 *       {@code L}, which lets callers bound whole groups of items.</li>
 * </ul>
 * {@link #SLACK} covers the rounding of both the bound and the score (a few ulps, about 1e-16), so a bound below a
 * score threshold proves the item's score is below it too.
 */
final class SeedScoreBound {

    /** Margin added to every bound for floating-point safety; far above rounding error, far below any useful gap. */
    static final double SLACK = 1e-9;

    private SeedScoreBound() {
    }

    /**
     * @param queryLength  {@code n >= 1}, query code points
     * @param itemLength   {@code L >= intersection}, item code points
     * @param intersection {@code I}, size of the character multiset intersection
     * @param prefix       an upper bound of the common prefix used by Jaro-Winkler, 0 to 4
     * @return a value {@code >=} the seed score of any pair with these statistics
     */
    static double upperBound(int queryLength, int itemLength, int intersection, int prefix) {
        if (intersection == 0) {
            return SLACK;
        }
        double i = intersection;
        double jaro = Math.min(1.0, (i / queryLength + i / itemLength + 1) / 3);
        double jaroWinkler = jaro + prefix * 0.1 * (1 - jaro);
        double jaccard = i / (queryLength + itemLength - i);
        return (jaroWinkler + jaccard) / 2 + SLACK;
    }
}
