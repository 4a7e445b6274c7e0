package dev.fnbundle.email.memory;

import dev.fnbundle.email.poll.InvoiceExtractedEvent;
import dev.fnbundle.email.poll.InvoicePublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link InvoicePublisher} that keeps every event in publishing order. Thread-safe. */
public final class InMemoryInvoicePublisher implements InvoicePublisher {
    private final List<InvoiceExtractedEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(InvoiceExtractedEvent event) {
        events.add(event);
    }

    /**
     * The events published so far.
     *
     * @return a snapshot; never null
     */
    public List<InvoiceExtractedEvent> events() {
        return List.copyOf(events);
    }
}
