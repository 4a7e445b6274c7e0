package dev.fnbundle.orders.graph;

/**
 * The body is not valid JSON (or breaks the parser's own limits, such as nesting depth). Meant for a 400
 * "malformed JSON" answer; {@link #line()} and {@link #column()} locate the problem (1-based, -1 when unknown).
 */
public final class GraphJsonSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final long column;

    public GraphJsonSyntaxException(String problem, long line, long column, Throwable cause) {
        super(problem, cause);
        this.line = line;
        this.column = column;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }
}
