package dev.fnbundle.orders;

import dev.fnbundle.orders.runs.RunSnapshot;
import java.time.Instant;
import java.util.List;

/** The JSON of {@code GET /runs/{id}}: the run's progress and every node's status. */
record RunView(String runId, Instant createdAt, boolean isActive, int nodeCount, int doneCount,
               boolean autoComplete, List<RunSnapshot.Node> nodes) {
    static RunView of(RunSnapshot run) {
        return new RunView(run.runId(), run.createdAt(), run.isActive(), run.nodeCount(), run.doneCount(),
                run.autoComplete(), run.nodes());
    }
}
