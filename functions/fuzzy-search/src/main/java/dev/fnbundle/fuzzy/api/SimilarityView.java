package dev.fnbundle.fuzzy.api;

import dev.fnbundle.fuzzy.distance.Algorithm;
import dev.fnbundle.fuzzy.distance.SimilarityScores;

/**
 * The JSON of {@code POST /similarity}: textdistance's four numbers. Distance and similarity are integers for the
 * integral algorithms (hamming, levenshtein, damerau_levenshtein, lcsseq, lcsstr), as textdistance returns them.
 */
public record SimilarityView(String algorithm, Number distance, Number similarity, double normalizedDistance,
                             double normalizedSimilarity) {

    public static SimilarityView of(Algorithm algorithm, SimilarityScores scores) {
        return new SimilarityView(algorithm.textdistanceName(), number(algorithm, scores.distance()),
                number(algorithm, scores.similarity()), scores.normalizedDistance(), scores.normalizedSimilarity());
    }

    private static Number number(Algorithm algorithm, double value) {
        return algorithm.integral() ? (Number) Math.round(value) : (Number) value;
    }
}
