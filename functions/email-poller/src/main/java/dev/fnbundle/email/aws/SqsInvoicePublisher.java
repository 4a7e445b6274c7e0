package dev.fnbundle.email.aws;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.sqs.QueueSender;
import dev.fnbundle.email.poll.InvoiceExtractedEvent;
import dev.fnbundle.email.poll.InvoicePublisher;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Publishes {@code invoice.extracted} events on the invoice events queue, for downstream systems (the template
 * gives that queue no consumer of ours). The body is the event as JSON; the message attributes {@code type} and
 * {@code idempotencyKey} let consumers filter and dedupe without parsing it. Delivery is at least once.
 */
public final class SqsInvoicePublisher implements InvoicePublisher {
    private final QueueSender queue;

    public SqsInvoicePublisher(SqsClient sqs, String queueUrl) {
        this.queue = new QueueSender(sqs, queueUrl);
    }

    @Override
    public void publish(InvoiceExtractedEvent event) {
        queue.send(Json.write(event), Map.of("type", event.type(), "idempotencyKey", event.idempotencyKey()));
    }
}
