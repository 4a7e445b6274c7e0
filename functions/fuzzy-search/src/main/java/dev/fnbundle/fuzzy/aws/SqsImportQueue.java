package dev.fnbundle.fuzzy.aws;

import dev.fnbundle.common.sqs.QueueSender;
import dev.fnbundle.fuzzy.api.ImportMessages;
import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.catalog.ImportQueue;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends import messages ({@link ImportMessages}) to the catalog import queue, one {@code SendMessage} per message:
 * each body may be close to SQS's 256 KiB limit, which a batch of them would exceed.
 *
 * <p>The SQS client is built on the first send: a container that only searches (most of them) never pays for it
 * during its cold start. Thread-safe.
 */
public final class SqsImportQueue implements ImportQueue {
    private final Supplier<SqsClient> client;
    private final String queueUrl;
    private QueueSender queue;

    /** @param client builds the SQS client, called at most once, on the first send */
    public SqsImportQueue(Supplier<SqsClient> client, String queueUrl) {
        this.client = client;
        this.queueUrl = queueUrl;
    }

    @Override
    public int send(String catalog, String importId, List<CatalogEntry> entries) {
        List<String> bodies = ImportMessages.bodies(catalog, importId, entries);
        QueueSender sender = sender();
        for (String body : bodies) {
            sender.send(body);
        }
        return bodies.size();
    }

    private synchronized QueueSender sender() {
        if (queue == null) {
            queue = new QueueSender(client.get(), queueUrl);
        }
        return queue;
    }

    @Override
    public String url() {
        return queueUrl;
    }
}
