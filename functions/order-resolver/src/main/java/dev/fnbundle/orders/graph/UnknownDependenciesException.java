package dev.fnbundle.orders.graph;

import java.util.List;

/**
 * Strict mode found dependencies that are not keys of the graph; meant for a 422 listing all of them.
 *
 * <p>Order: unknown dependencies by first mention (graphlib's node order), each with the nodes that need it in
 * the order they were added. The message holds only the count.
 */
public final class UnknownDependenciesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<UnknownDependency> unknown;

    public UnknownDependenciesException(List<UnknownDependency> unknown) {
        super(unknown.size() + " dependenc" + (unknown.size() == 1 ? "y is" : "ies are") + " not nodes of the graph");
        this.unknown = List.copyOf(unknown);
    }

    /** Every unknown dependency with who needs it; never empty. */
    public List<UnknownDependency> unknown() {
        return unknown;
    }
}
