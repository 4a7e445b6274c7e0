package dev.fnbundle.fuzzy.input;

import java.util.List;

/**
 * A name that selects an algorithm (similarity algorithm, phonetic encoder or ranker) is not one of the valid names.
 * Maps to 400; the response lists {@link #validNames()}.
 */
public final class UnknownAlgorithmException extends FuzzyException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String requested;
    private final List<String> validNames;

    /**
     * @param field      the request field holding the name, e.g. {@code "algorithm"} or {@code "ranker"}
     * @param requested  the name that was asked for, may be null
     * @param validNames every accepted name, in documentation order
     */
    public UnknownAlgorithmException(String field, String requested, List<String> validNames) {
        super("unknown " + field + " '" + clip(requested) + "'; valid: " + String.join(", ", validNames));
        this.field = field;
        this.requested = requested;
        this.validNames = List.copyOf(validNames);
    }

    /** @return the request field holding the name */
    public String field() {
        return field;
    }

    /** @return the rejected name, may be null */
    public String requested() {
        return requested;
    }

    /** @return the accepted names, never null */
    public List<String> validNames() {
        return validNames;
    }
}
