package dev.fnbundle.orders.runs;

/** Where one node of a run stands; graphlib's npredecessors states. */
public enum NodeStatus {
    /** Some dependency is not done yet (graphlib: npredecessors &gt; 0). */
    PENDING,
    /** Every dependency is done and the node was dispatched, but not reported done (graphlib: _NODE_OUT). */
    READY,
    /** Reported done (graphlib: _NODE_DONE). */
    DONE
}
