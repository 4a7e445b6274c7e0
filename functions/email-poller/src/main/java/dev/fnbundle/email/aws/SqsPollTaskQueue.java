package dev.fnbundle.email.aws;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.sqs.QueueSender;
import dev.fnbundle.email.registry.PollTask;
import dev.fnbundle.email.registry.PollTaskQueue;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Poll tasks on the poll task queue, ten per request: {@code {"mailboxId", "reason", "requestedAt"}}. Throws
 * when any task could not be queued, so the caller knows (a schedule run fails and is retried by EventBridge; a
 * POST answers 500 rather than a 202 for nothing).
 */
public final class SqsPollTaskQueue implements PollTaskQueue {
    private final QueueSender queue;

    public SqsPollTaskQueue(SqsClient sqs, String queueUrl) {
        this.queue = new QueueSender(sqs, queueUrl);
    }

    @Override
    public void enqueue(List<PollTask> tasks) {
        queue.sendAll(tasks.stream().map(task -> Json.write(Map.of("mailboxId", task.mailboxId(),
                "reason", task.reason(), "requestedAt", task.requestedAt().toString()))).toList());
    }
}
