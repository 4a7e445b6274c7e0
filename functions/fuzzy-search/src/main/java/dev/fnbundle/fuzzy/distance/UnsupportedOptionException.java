package dev.fnbundle.fuzzy.distance;

import dev.fnbundle.fuzzy.input.FuzzyException;

/**
 * An option was given to an algorithm that does not have it (textdistance's constructor would reject it), or a value
 * the algorithm cannot honour (e.g. {@code qval != 1} for lcsseq, where textdistance mixes units or fails). Maps to
 * 400.
 */
public final class UnsupportedOptionException extends FuzzyException {

    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final String option;
    private final String reason;

    /**
     * @param algorithm the algorithm name
     * @param option    the option name as in the request, e.g. {@code "qval"}
     * @param reason    why it is rejected
     */
    public UnsupportedOptionException(String algorithm, String option, String reason) {
        super(algorithm + " does not support " + option + ": " + reason);
        this.algorithm = algorithm;
        this.option = option;
        this.reason = reason;
    }

    /** @return the algorithm name */
    public String algorithm() {
        return algorithm;
    }

    /** @return the rejected option */
    public String option() {
        return option;
    }

    /** @return why it is rejected */
    public String reason() {
        return reason;
    }
}
