package dev.fnbundle.fuzzy.distance;

import dev.fnbundle.fuzzy.input.FuzzyException;

/**
 * The similarity is undefined for these inputs: textdistance itself raises {@code ZeroDivisionError}, e.g. jaccard
 * with {@code qval=2} on two different one-character strings (both bigram multisets are empty). Maps to 422.
 */
public final class UndefinedSimilarityException extends FuzzyException {

    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final String reason;

    /**
     * @param algorithm the algorithm name
     * @param reason    which quantity is zero
     */
    public UndefinedSimilarityException(String algorithm, String reason) {
        super(algorithm + " is undefined for these inputs: " + reason);
        this.algorithm = algorithm;
        this.reason = reason;
    }

    /** @return the algorithm name */
    public String algorithm() {
        return algorithm;
    }

    /** @return which quantity is zero */
    public String reason() {
        return reason;
    }
}
