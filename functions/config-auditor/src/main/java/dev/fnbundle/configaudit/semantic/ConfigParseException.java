package dev.fnbundle.configaudit.semantic;

/**
 * A config that does not parse in its format (maps to 422). Carries where and why, never the offending value.
 *
 * <p>Lines and columns are 1-based; columns count UTF-16 characters from the start of the line.
 */
public final class ConfigParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String document;
    private final ConfigFormat format;
    private final int line;
    private final int column;
    private final String detail;

    /** A parse error not yet tied to a document name. */
    public ConfigParseException(ConfigFormat format, int line, int column, String detail) {
        this(null, format, line, column, detail, null);
    }

    /** A parse error caused by a library exception, whose own message is not kept. */
    public ConfigParseException(ConfigFormat format, int line, int column, String detail, Throwable cause) {
        this(null, format, line, column, detail, cause);
    }

    private ConfigParseException(String document, ConfigFormat format, int line, int column, String detail,
                                 Throwable cause) {
        super(describe(document, format, line, column, detail), sanitized(cause));
        this.document = document;
        this.format = format;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** Keeps the library exception's type for debugging, but not its message: that may quote document text. */
    private static Throwable sanitized(Throwable cause) {
        if (cause == null || cause instanceof ParseCause) {
            return cause;
        }
        return new ParseCause(cause.getClass().getName());
    }

    /** Stands in for a library exception whose message is not safe to log. */
    private static final class ParseCause extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseCause(String libraryExceptionType) {
            super(libraryExceptionType, null, false, false);
        }
    }

    /** The same error attributed to a named document, e.g. {@code "baseline"}. */
    public ConfigParseException inDocument(String documentName) {
        return new ConfigParseException(documentName, format, line, column, detail, getCause());
    }

    private static String describe(String document, ConfigFormat format, int line, int column, String detail) {
        String where = document == null ? "" : document + ": ";
        return where + format.label() + " parse error at line " + line + ", column " + column + ": " + detail;
    }

    /** Which input failed ({@code "baseline"} or {@code "current"}), or null when not yet known. */
    public String document() {
        return document;
    }

    /** The format the text was parsed as. */
    public ConfigFormat format() {
        return format;
    }

    /** 1-based line of the error. */
    public int line() {
        return line;
    }

    /** 1-based column of the error. */
    public int column() {
        return column;
    }

    /** What is wrong, free of document values. */
    public String detail() {
        return detail;
    }
}
