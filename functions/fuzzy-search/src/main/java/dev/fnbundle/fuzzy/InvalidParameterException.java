package dev.fnbundle.fuzzy;

/**
 * A request parameter is missing, blank or outside its documented range. Maps to 400.
 */
public final class InvalidParameterException extends FuzzyException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    /**
     * @param field  the request field, e.g. {@code "threshold"} or {@code "items[3].id"}
     * @param reason what is wrong with it, phrased for a client, without echoing its value
     */
    public InvalidParameterException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** @return the request field */
    public String field() {
        return field;
    }

    /** @return what is wrong with the field */
    public String reason() {
        return reason;
    }
}
