package dev.fnbundle.email.poll;

/**
 * Publishes {@code invoice.extracted} events (an SQS queue in AWS). Delivery is at least once: a crash between
 * publishing and {@link InvoiceStore#markPublished} publishes again, so consumers dedupe by
 * {@link InvoiceExtractedEvent#idempotencyKey()}.
 */
public interface InvoicePublisher {

    /**
     * Publishes one event; returns only when the queue has accepted it.
     *
     * @param event never null
     */
    void publish(InvoiceExtractedEvent event);
}
