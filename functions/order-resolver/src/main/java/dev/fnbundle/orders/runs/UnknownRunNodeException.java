package dev.fnbundle.orders.runs;

import java.util.List;

/** A completion names nodes that are not part of the run; meant for a 422. The message holds only the count. */
public final class UnknownRunNodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> nodes;

    public UnknownRunNodeException(List<String> nodes) {
        super(nodes.size() + " node(s) are not part of the run");
        this.nodes = List.copyOf(nodes);
    }

    /** The unknown names in call order, each once; never empty. */
    public List<String> nodes() {
        return nodes;
    }
}
