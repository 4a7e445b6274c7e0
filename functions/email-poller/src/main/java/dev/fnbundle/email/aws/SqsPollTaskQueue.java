package dev.fnbundle.email.aws;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.email.registry.PollTask;
import dev.fnbundle.email.registry.PollTaskQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Poll tasks on the poll task queue, ten per request: {@code {"mailboxId", "reason", "requestedAt"}}. Throws
 * when any task could not be queued, so the caller knows (a schedule run fails and is retried by EventBridge; a
 * POST answers 500 rather than a 202 for nothing).
 */
public final class SqsPollTaskQueue implements PollTaskQueue {
    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsPollTaskQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(List<PollTask> tasks) {
        for (int start = 0; start < tasks.size(); start += BATCH) {
            var entries = new ArrayList<SendMessageBatchRequestEntry>();
            for (int i = start; i < Math.min(tasks.size(), start + BATCH); i++) {
                PollTask task = tasks.get(i);
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i - start))
                        .messageBody(Json.write(Map.of("mailboxId", task.mailboxId(), "reason", task.reason(),
                                "requestedAt", task.requestedAt().toString())))
                        .build());
            }
            var result = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!result.failed().isEmpty()) {
                throw new IllegalStateException(result.failed().size() + " poll tasks could not be queued: "
                        + result.failed().get(0).code());
            }
        }
    }
}
