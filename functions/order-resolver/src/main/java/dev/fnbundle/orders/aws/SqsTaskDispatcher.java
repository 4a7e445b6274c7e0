package dev.fnbundle.orders.aws;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.orders.runs.TaskDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * One message per ready node on the run task queue, sent ten at a time: {@code {"runId", "node",
 * "autoComplete"}}. Throws when any message could not be sent, so the nodes are not recorded as dispatched.
 */
public final class SqsTaskDispatcher implements TaskDispatcher {
    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsTaskDispatcher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void dispatch(String runId, List<String> nodes, boolean autoComplete) {
        for (int start = 0; start < nodes.size(); start += BATCH) {
            var entries = new ArrayList<SendMessageBatchRequestEntry>();
            for (int i = start; i < Math.min(nodes.size(), start + BATCH); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i - start))
                        .messageBody(Json.write(Map.of("runId", runId, "node", nodes.get(i),
                                "autoComplete", autoComplete)))
                        .build());
            }
            var result = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!result.failed().isEmpty()) {
                throw new IllegalStateException(result.failed().size() + " run tasks of " + runId
                        + " could not be queued: " + result.failed().get(0).code());
            }
        }
    }
}
