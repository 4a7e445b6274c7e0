package dev.fnbundle.configaudit.audit;

/**
 * A config with more lines than {@link AuditLimits#maxLinesPerSide()} (maps to 413): the line matcher's time and
 * memory grow with the number of lines, so they are bounded as well as the bytes.
 */
public final class TooManyLinesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final int limit;
    private final long actual;

    /** @param field {@code baseline} or {@code current} */
    public TooManyLinesException(String field, int limit, long actual) {
        super(field + " has " + actual + " lines, over the limit of " + limit, null, false, false);
        this.field = field;
        this.limit = limit;
        this.actual = actual;
    }

    /** Which body: {@code baseline} or {@code current}. */
    public String field() {
        return field;
    }

    /** The line limit in force. */
    public int limit() {
        return limit;
    }

    /** The body's line count. */
    public long actual() {
        return actual;
    }
}
