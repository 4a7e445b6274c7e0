package dev.fnbundle.rss.aws;

import dev.fnbundle.common.sqs.QueueSender;
import dev.fnbundle.rss.ingest.FetchTask;
import dev.fnbundle.rss.ingest.TaskQueue;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The fetch queue: tasks sent ten per SendMessageBatch (entries that fail are sent once more, then the call
 * throws), and single delayed tasks for politeness deferrals (SQS delays are whole seconds, at most 15 minutes).
 */
public final class SqsTaskQueue implements TaskQueue {
    private final QueueSender queue;

    public SqsTaskQueue(SqsClient sqs, String queueUrl) {
        this.queue = new QueueSender(sqs, queueUrl);
    }

    @Override
    public void send(List<FetchTask> tasks) {
        queue.sendAll(tasks.stream().map(FetchTask::toJson).toList());
    }

    @Override
    public void sendLater(FetchTask task, Duration delay) {
        queue.sendLater(task.toJson(), delay);
    }
}
