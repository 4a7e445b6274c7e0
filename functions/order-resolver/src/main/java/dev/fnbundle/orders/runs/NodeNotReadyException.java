package dev.fnbundle.orders.runs;

import java.util.List;

/**
 * A completion names nodes that were never ready or are already done; meant for a 409. Nothing was applied:
 * {@link RunState#done(java.util.List)} validates the whole call first. The message holds only the count.
 */
public final class NodeNotReadyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<RejectedNode> rejected;

    public NodeNotReadyException(List<RejectedNode> rejected) {
        super(rejected.size() + " node(s) cannot be marked done in the current state of the run");
        this.rejected = List.copyOf(rejected);
    }

    /** Every rejected node of the call, in call order; never empty. */
    public List<RejectedNode> rejected() {
        return rejected;
    }
}
