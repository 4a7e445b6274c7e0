package dev.fnbundle.email.support;

import dev.fnbundle.email.imap.ImapMailboxClient;
import dev.fnbundle.email.imap.ImapSettings;
import dev.fnbundle.email.mailbox.LocalPasswordResolver;
import dev.fnbundle.email.memory.InMemoryCheckpointStore;
import dev.fnbundle.email.memory.InMemoryInvoicePublisher;
import dev.fnbundle.email.memory.InMemoryInvoiceStore;
import dev.fnbundle.email.memory.InMemoryMailboxLease;
import dev.fnbundle.email.poll.InvoiceExtractedEvent;
import dev.fnbundle.email.poll.InvoicePublisher;
import dev.fnbundle.email.poll.InvoiceRecord;
import dev.fnbundle.email.poll.MailboxConnector;
import dev.fnbundle.email.poll.MailboxLease;
import dev.fnbundle.email.poll.PollPorts;
import dev.fnbundle.email.poll.PollService;
import dev.fnbundle.email.poll.PollSettings;
import dev.fnbundle.email.poll.RecordKind;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** In-memory ports around a real IMAP connector, shared by one test's polls. */
public final class PollHarness {
    public final InMemoryInvoiceStore store = new InMemoryInvoiceStore();
    public final InMemoryInvoicePublisher publisher = new InMemoryInvoicePublisher();
    public final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    public final InMemoryMailboxLease lease = new InMemoryMailboxLease();

    /** A plain IMAP connector (for proxies) with short timeouts. */
    public static MailboxConnector plainImap() {
        return new ImapMailboxClient(ImapSettings.defaults().withTransport(null, true), new LocalPasswordResolver(
                Map.of()));
    }

    /** An IMAPS connector trusting the test certificate. */
    public static MailboxConnector imaps() {
        return new ImapMailboxClient(ImapSettings.defaults().withTransport(TestTls.install(), false),
                new LocalPasswordResolver(Map.of()));
    }

    public PollService service(MailboxConnector connector, PollSettings settings) {
        return service(connector, settings, publisher, lease);
    }

    public PollService service(MailboxConnector connector, PollSettings settings, InvoicePublisher publisher,
                               MailboxLease lease) {
        return new PollService(new PollPorts(connector, store, publisher, checkpoints, lease), settings,
                Clock.systemUTC());
    }

    public List<InvoiceRecord> records(RecordKind kind) {
        return store.all().stream().filter(r -> r.kind() == kind).toList();
    }

    /** Message-IDs of the invoice records, sorted. */
    public List<String> invoiceMessageIds() {
        return records(RecordKind.INVOICE).stream().map(InvoiceRecord::messageId).sorted().toList();
    }

    /** Distinct idempotency keys published, sorted. */
    public List<String> publishedKeys() {
        return publisher.events().stream().map(InvoiceExtractedEvent::idempotencyKey).distinct().sorted().toList();
    }
}
