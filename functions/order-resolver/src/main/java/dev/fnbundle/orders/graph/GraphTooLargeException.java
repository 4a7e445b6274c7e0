package dev.fnbundle.orders.graph;

/**
 * The graph exceeds a size limit of {@link GraphLimits}: too many distinct nodes or dependency entries.
 *
 * <p>Meant for a 413: the limit bounds the memory and time one invocation spends, it does not make the graph
 * wrong. A graph of 100 001 valid nodes is a valid graph that this endpoint declines to process, which is what
 * 413 says ("content larger than the server is willing to process"), while 422 would tell the client that the
 * content itself is at fault. Reading stops at the first entry past the limit, so the cost is bounded too.
 */
public final class GraphTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final long limit;

    public GraphTooLargeException(String limitName, long limit) {
        super("the graph has more than " + limit + " " + limitName);
        this.limitName = limitName;
        this.limit = limit;
    }

    /** Which limit: {@code "nodes"} or {@code "dependencies"}. */
    public String limitName() {
        return limitName;
    }

    /** The limit's value: the largest count accepted. */
    public long limit() {
        return limit;
    }
}
