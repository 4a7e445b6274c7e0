package dev.fnbundle.fuzzy.aws;

import dev.fnbundle.common.sqs.QueueSender;
import dev.fnbundle.fuzzy.ImportQueue;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends import messages to the catalog import queue, one {@code SendMessage} per message: each body may be close to
 * SQS's 256 KiB limit, which a batch of them would exceed.
 */
public final class SqsImportQueue implements ImportQueue {
    private final QueueSender queue;

    public SqsImportQueue(SqsClient sqs, String queueUrl) {
        this.queue = new QueueSender(sqs, queueUrl);
    }

    @Override
    public void send(List<String> bodies) {
        for (String body : bodies) {
            queue.send(body);
        }
    }

    @Override
    public String url() {
        return queue.queueUrl();
    }
}
