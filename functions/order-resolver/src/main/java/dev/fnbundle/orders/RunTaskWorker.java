package dev.fnbundle.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.orders.runs.NodeNotReadyException;
import dev.fnbundle.orders.runs.NodeStatus;
import dev.fnbundle.orders.runs.RunService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Handles one run task message: {@code {"runId", "node", "autoComplete"}}. */
final class RunTaskWorker {
    private static final Logger LOG = LoggerFactory.getLogger(RunTaskWorker.class);

    private final RunService runs;

    RunTaskWorker(RunService runs) {
        this.runs = runs;
    }

    /**
     * Completes the task's node when the run asks for it. A redelivered task whose node is already done is not an
     * error (SQS delivers at least once); a malformed message is, so it ends in the dead-letter queue.
     */
    void handle(String body) {
        JsonNode task = Json.parse(body);
        String runId = task.path("runId").asText("");
        String node = task.path("node").asText("");
        if (runId.isEmpty() || node.isEmpty()) {
            throw new IllegalArgumentException("a run task needs runId and node");
        }
        if (!task.path("autoComplete").asBoolean(true)) {
            LOG.info("task dispatched runId={} node={} (completed by the client)", runId, node);
            return;
        }
        try {
            var completion = runs.complete(runId, List.of(node));
            LOG.info("task done runId={} node={} dispatched={}", runId, node, completion.ready().size());
        } catch (NodeNotReadyException e) {
            if (e.rejected().stream().anyMatch(r -> r.status() != NodeStatus.DONE)) {
                throw e;
            }
            LOG.info("task already done runId={} node={} (redelivery)", runId, node);
        }
    }
}
