package dev.fnbundle.fuzzy.input;

/**
 * A text is longer than the limit that keeps the work of one request bounded (for example the O(n·m) edit distances
 * or the 256 code point cap on search queries). Lengths count Unicode code points. Maps to 413 (or 400).
 */
public final class InputTooLongException extends FuzzyException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final int length;
    private final int limit;

    /**
     * @param field  the request field, e.g. {@code "a"}, {@code "q"} or {@code "items[7].text"}
     * @param length its length in code points
     * @param limit  the largest accepted length in code points
     */
    public InputTooLongException(String field, int length, int limit) {
        super(field + " is " + length + " code points long; the limit is " + limit);
        this.field = field;
        this.length = length;
        this.limit = limit;
    }

    /** @return the request field */
    public String field() {
        return field;
    }

    /** @return the rejected length in code points */
    public int length() {
        return length;
    }

    /** @return the largest accepted length in code points */
    public int limit() {
        return limit;
    }
}
