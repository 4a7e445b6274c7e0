package dev.fnbundle.orders.aws;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.sqs.QueueSender;
import dev.fnbundle.orders.runs.TaskDispatcher;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One message per ready node on the run task queue, sent ten at a time: {@code {"runId", "node",
 * "autoComplete"}}. Throws when any message could not be sent, so the nodes are not recorded as dispatched.
 */
public final class SqsTaskDispatcher implements TaskDispatcher {
    private final QueueSender queue;

    public SqsTaskDispatcher(SqsClient sqs, String queueUrl) {
        this.queue = new QueueSender(sqs, queueUrl);
    }

    @Override
    public void dispatch(String runId, List<String> nodes, boolean autoComplete) {
        queue.sendAll(nodes.stream().map(node -> Json.write(Map.of("runId", runId, "node", node,
                "autoComplete", autoComplete))).toList());
    }
}
