package dev.fnbundle.fuzzy.distance;

import dev.fnbundle.fuzzy.input.UnknownAlgorithmException;

import java.util.Arrays;
import java.util.List;

/**
 * The similarity algorithms, named exactly as textdistance names its ready-made instances.
 *
 * <p>Three families share textdistance's definitions of the four numbers (see {@link SimilarityScores}):
 * <ul>
 *   <li>distances (hamming, levenshtein, damerau_levenshtein): integral distance and similarity,
 *       {@code maximum = max(len(a), len(b))} in code points;</li>
 *   <li>unit similarities (jaro, jaro_winkler, jaccard, sorensen_dice, tversky, overlap, cosine,
 *       ratcliff_obershelp): similarity in [0, 1], {@code maximum = 1};</li>
 *   <li>length similarities (lcsseq, lcsstr): integral similarity (length of the common subsequence or substring),
 *       {@code maximum = max(len(a), len(b))}.</li>
 * </ul>
 *
 * <p>{@link #maxInputLength()} caps each input so one request stays bounded: 2 000 code points for the O(n·m)
 * algorithms, 1 000 for ratcliff_obershelp (recursive O(n·m) per level), 100 000 for the linear ones.
 */
public enum Algorithm {
    HAMMING("hamming", Family.DISTANCE, Limits.LINEAR),
    LEVENSHTEIN("levenshtein", Family.DISTANCE, Limits.QUADRATIC),
    DAMERAU_LEVENSHTEIN("damerau_levenshtein", Family.DISTANCE, Limits.QUADRATIC),
    JARO("jaro", Family.UNIT_SIMILARITY, Limits.QUADRATIC),
    JARO_WINKLER("jaro_winkler", Family.UNIT_SIMILARITY, Limits.QUADRATIC),
    JACCARD("jaccard", Family.UNIT_SIMILARITY, Limits.LINEAR),
    SORENSEN_DICE("sorensen_dice", Family.UNIT_SIMILARITY, Limits.LINEAR),
    TVERSKY("tversky", Family.UNIT_SIMILARITY, Limits.LINEAR),
    OVERLAP("overlap", Family.UNIT_SIMILARITY, Limits.LINEAR),
    COSINE("cosine", Family.UNIT_SIMILARITY, Limits.LINEAR),
    LCSSEQ("lcsseq", Family.LENGTH_SIMILARITY, Limits.QUADRATIC),
    LCSSTR("lcsstr", Family.LENGTH_SIMILARITY, Limits.QUADRATIC),
    RATCLIFF_OBERSHELP("ratcliff_obershelp", Family.UNIT_SIMILARITY, Limits.RECURSIVE_QUADRATIC);

    /** How textdistance derives distance, similarity and the normalized values for an algorithm. */
    enum Family { DISTANCE, UNIT_SIMILARITY, LENGTH_SIMILARITY }

    private static final class Limits {
        static final int LINEAR = 100_000;
        static final int QUADRATIC = 2_000;
        static final int RECURSIVE_QUADRATIC = 1_000;
    }

    private static final List<String> NAMES = Arrays.stream(values()).map(Algorithm::textdistanceName).toList();

    private final String textdistanceName;
    private final Family family;
    private final int maxInputLength;

    Algorithm(String textdistanceName, Family family, int maxInputLength) {
        this.textdistanceName = textdistanceName;
        this.family = family;
        this.maxInputLength = maxInputLength;
    }

    /** @return the name of textdistance's instance, e.g. {@code "damerau_levenshtein"} */
    public String textdistanceName() {
        return textdistanceName;
    }

    /** @return the largest accepted length of each input, in code points */
    public int maxInputLength() {
        return maxInputLength;
    }

    /**
     * @return true when distance and similarity are always integers (hamming, levenshtein, damerau_levenshtein,
     *         lcsseq, lcsstr); the normalized values are fractions for every algorithm
     */
    public boolean integral() {
        return family != Family.UNIT_SIMILARITY;
    }

    Family family() {
        return family;
    }

    /**
     * Looks an algorithm up by its textdistance name.
     *
     * @param name the name, case-sensitive as in textdistance; may be null
     * @return the algorithm
     * @throws UnknownAlgorithmException listing {@link #names()} when the name is null or unknown
     */
    public static Algorithm fromName(String name) {
        for (Algorithm algorithm : values()) {
            if (algorithm.textdistanceName.equals(name)) {
                return algorithm;
            }
        }
        throw new UnknownAlgorithmException("algorithm", name, NAMES);
    }

    /** @return every valid name, in declaration order; never null */
    public static List<String> names() {
        return NAMES;
    }
}
