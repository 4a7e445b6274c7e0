package dev.fnbundle.fuzzy.distance;

/**
 * The four numbers textdistance gives for a pair of texts, as doubles computed with textdistance's own arithmetic
 * (for example {@code normalized_similarity = 1 - (1 - s) / 1} for a unit similarity {@code s}, which is not always
 * bit-identical to {@code s}).
 *
 * @param distance             {@code distance(a, b)}; integral for the distance and length families
 * @param similarity           {@code similarity(a, b)}; integral for the distance and length families
 * @param normalizedDistance   {@code normalized_distance(a, b)} in [0, 1]
 * @param normalizedSimilarity {@code normalized_similarity(a, b)} in [0, 1]
 */
public record SimilarityScores(double distance, double similarity, double normalizedDistance,
                               double normalizedSimilarity) {

    /** textdistance's {@code Base}: similarity = maximum - distance, normalized by maximum (0 when maximum is 0). */
    static SimilarityScores ofDistance(double distance, int maximum) {
        double normalizedDistance = maximum == 0 ? 0 : distance / maximum;
        return new SimilarityScores(distance, maximum - distance, normalizedDistance, 1 - normalizedDistance);
    }

    /** textdistance's {@code BaseSimilarity} with {@code maximum = 1}. */
    static SimilarityScores ofUnitSimilarity(double similarity) {
        double distance = 1 - similarity;
        double normalizedDistance = distance / 1;
        return new SimilarityScores(distance, similarity, normalizedDistance, 1 - normalizedDistance);
    }

    /** textdistance's {@code BaseSimilarity} with {@code maximum = max(len(a), len(b))}. */
    static SimilarityScores ofLengthSimilarity(double similarity, int maximum) {
        double distance = maximum - similarity;
        double normalizedDistance = maximum == 0 ? 0 : distance / maximum;
        return new SimilarityScores(distance, similarity, normalizedDistance, 1 - normalizedDistance);
    }
}
