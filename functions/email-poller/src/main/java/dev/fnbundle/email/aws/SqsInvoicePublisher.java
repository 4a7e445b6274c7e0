package dev.fnbundle.email.aws;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.email.poll.InvoiceExtractedEvent;
import dev.fnbundle.email.poll.InvoicePublisher;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Publishes {@code invoice.extracted} events on the invoice events queue, for downstream systems (the template
 * gives that queue no consumer of ours). The body is the event as JSON; the message attributes {@code type} and
 * {@code idempotencyKey} let consumers filter and dedupe without parsing it. Delivery is at least once.
 */
public final class SqsInvoicePublisher implements InvoicePublisher {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsInvoicePublisher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(InvoiceExtractedEvent event) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(event)).messageAttributes(Map.of(
                "type", text(event.type()),
                "idempotencyKey", text(event.idempotencyKey()))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
