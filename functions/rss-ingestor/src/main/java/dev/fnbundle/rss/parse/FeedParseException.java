package dev.fnbundle.rss.parse;

import java.util.Objects;

/**
 * The document cannot be read as a feed at all. Carries a machine-readable reason and the position where reading
 * stopped; the message never quotes document content beyond element names.
 */
public final class FeedParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final FeedParseReason reason;
    private final int line;
    private final int column;

    /**
     * @param reason what kind of failure, never null
     * @param detail what was wrong, without document content
     * @param line   1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     */
    public FeedParseException(FeedParseReason reason, String detail, int line, int column) {
        this(reason, detail, line, column, null);
    }

    /** As {@link #FeedParseException(FeedParseReason, String, int, int)}, keeping the underlying cause. */
    public FeedParseException(FeedParseReason reason, String detail, int line, int column, Throwable cause) {
        super(format(reason, detail, line, column), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.line = line;
        this.column = column;
    }

    /** Never null. */
    public FeedParseReason reason() {
        return reason;
    }

    /** 1-based line where reading stopped, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column where reading stopped, or 0 when unknown. */
    public int column() {
        return column;
    }

    private static String format(FeedParseReason reason, String detail, int line, int column) {
        String where = line > 0 ? " at line " + line + (column > 0 ? ", column " + column : "") : "";
        return reason.id() + ": " + detail + where;
    }
}
