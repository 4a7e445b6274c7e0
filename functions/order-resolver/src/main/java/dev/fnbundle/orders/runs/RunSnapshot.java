package dev.fnbundle.orders.runs;

import java.time.Instant;
import java.util.List;

/**
 * A durable run as stored: its nodes in graph order with their status, remaining dependencies and how often each
 * was dispatched (once, unless a crashed dispatch had to be repeated).
 */
public record RunSnapshot(String runId, Instant createdAt, int nodeCount, int doneCount, boolean autoComplete,
                          List<Node> nodes) {
    public RunSnapshot {
        nodes = List.copyOf(nodes);
    }

    /** graphlib's {@code is_active()}: some node is not done yet. */
    public boolean isActive() {
        return doneCount < nodeCount;
    }

    /** One node of the run. */
    public record Node(String node, NodeStatus status, int remainingDependencies, int dispatchCount) {
    }
}
