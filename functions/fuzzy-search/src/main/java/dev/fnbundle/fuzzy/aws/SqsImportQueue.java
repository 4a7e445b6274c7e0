package dev.fnbundle.fuzzy.aws;

import dev.fnbundle.common.sqs.QueueSender;
import dev.fnbundle.fuzzy.api.ImportMessages;
import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.catalog.ImportQueue;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends import messages ({@link ImportMessages}) to the catalog import queue, one {@code SendMessage} per message:
 * each body may be close to SQS's 256 KiB limit, which a batch of them would exceed.
 */
public final class SqsImportQueue implements ImportQueue {
    private final QueueSender queue;

    public SqsImportQueue(SqsClient sqs, String queueUrl) {
        this.queue = new QueueSender(sqs, queueUrl);
    }

    @Override
    public int send(String catalog, String importId, List<CatalogEntry> entries) {
        List<String> bodies = ImportMessages.bodies(catalog, importId, entries);
        for (String body : bodies) {
            queue.send(body);
        }
        return bodies.size();
    }

    @Override
    public String url() {
        return queue.queueUrl();
    }
}
