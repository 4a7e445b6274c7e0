package dev.fnbundle.rss.aws;

import dev.fnbundle.rss.ingest.FetchTask;
import dev.fnbundle.rss.ingest.TaskQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The fetch queue: tasks sent ten per SendMessageBatch (entries that fail are sent once more, then the call
 * throws), and single delayed tasks for politeness deferrals (SQS delays are whole seconds, at most 15 minutes).
 */
public final class SqsTaskQueue implements TaskQueue {
    private static final int BATCH = 10;
    private static final long MAX_DELAY_SECONDS = 900;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsTaskQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<FetchTask> tasks) {
        for (int from = 0; from < tasks.size(); from += BATCH) {
            var entries = new ArrayList<SendMessageBatchRequestEntry>();
            for (int i = from; i < Math.min(tasks.size(), from + BATCH); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i - from))
                        .messageBody(tasks.get(i).toJson()).build());
            }
            List<SendMessageBatchRequestEntry> failed = sendBatch(entries);
            if (!failed.isEmpty() && !sendBatch(failed).isEmpty()) {
                throw new IllegalStateException(failed.size() + " fetch tasks could not be queued");
            }
        }
    }

    private List<SendMessageBatchRequestEntry> sendBatch(List<SendMessageBatchRequestEntry> entries) {
        var result = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        var failedIds = result.failed().stream().map(f -> f.id()).toList();
        return entries.stream().filter(e -> failedIds.contains(e.id())).toList();
    }

    @Override
    public void sendLater(FetchTask task, Duration delay) {
        long seconds = Math.min(MAX_DELAY_SECONDS, Math.max(0, (delay.toMillis() + 999) / 1000));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(task.toJson()).delaySeconds((int) seconds));
    }
}
