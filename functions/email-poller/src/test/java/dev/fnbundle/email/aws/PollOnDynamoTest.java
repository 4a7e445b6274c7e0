package dev.fnbundle.email.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.email.listing.InvoiceQuery;
import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.mailbox.PasswordRef;
import dev.fnbundle.email.mailbox.SearchCriteria;
import dev.fnbundle.email.mailbox.Secret;
import dev.fnbundle.email.poll.InvoiceExtractedEvent;
import dev.fnbundle.email.poll.InvoicePublisher;
import dev.fnbundle.email.poll.PollPorts;
import dev.fnbundle.email.poll.PollResult;
import dev.fnbundle.email.poll.PollService;
import dev.fnbundle.email.poll.PollSettings;
import dev.fnbundle.email.poll.PollStatus;
import dev.fnbundle.email.poll.RecordKind;
import dev.fnbundle.email.support.Fixtures;
import dev.fnbundle.email.support.GreenMailBox;
import dev.fnbundle.email.support.GreenMailServers;
import dev.fnbundle.email.support.PollHarness;
import dev.fnbundle.embedded.LocalAws;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The poll protocol on the DynamoDB adapters: a crash between publishing and archiving (here, the queue failing
 * after the first event) fails the task; the redelivered task finishes the job with every record written once
 * and every invoice published, none lost.
 */
class PollOnDynamoTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = GreenMailServers.imapAndImaps().withPerMethodLifecycle(false);

    private static DynamoInvoiceStore store;
    private static PollPorts ports;
    private static DynamoInvoiceListing listing;
    private final List<InvoiceExtractedEvent> published = new ArrayList<>();
    private final AtomicInteger failAfter = new AtomicInteger(Integer.MAX_VALUE);
    private final InvoicePublisher flaky = event -> {
        if (failAfter.getAndDecrement() <= 0) {
            throw new IllegalStateException("queue unavailable");
        }
        published.add(event);
    };

    @BeforeAll
    static void table() {
        var aws = LocalAws.shared();
        String table = aws.provisionTable("EmailTable");
        store = new DynamoInvoiceStore(aws.dynamoDb(), table);
        listing = new DynamoInvoiceListing(aws.dynamoDb(), table,
                PageTokens.inTable(aws.dynamoDb(), table, Clock.systemUTC()));
        ports = new PollPorts(PollHarness.imaps(), store, event -> { }, new DynamoCheckpointStore(aws.dynamoDb(),
                table), new DynamoMailboxLease(aws.dynamoDb(), table));
    }

    @Test
    void a_publish_failure_fails_the_poll_and_the_retry_finishes_with_each_invoice_recorded_and_published_once() {
        String mailboxId = "mb-" + UUID.randomUUID();
        var box = new GreenMailBox(GREEN_MAIL);
        String folder = "F" + UUID.randomUUID().toString().substring(0, 8);
        for (String fixture : List.of("plain-usd.eml", "alternative.eml", "non-usd.eml", "html-only.eml")) {
            box.append(folder, Fixtures.eml(fixture));
        }
        var mailbox = new Mailbox(mailboxId, "localhost", GREEN_MAIL.getImaps().getPort(), GreenMailBox.LOGIN,
                new PasswordRef.InlinePassword(new Secret(GreenMailBox.PASSWORD)), folder, "Archive-" + folder,
                new SearchCriteria("invoice", null, null, false));
        var service = new PollService(new PollPorts(ports.connector(), store, flaky, ports.checkpoints(),
                ports.lease()), PollSettings.defaults().withBatch(2, 1 << 20), Clock.systemUTC());

        failAfter.set(1);
        assertThatThrownBy(() -> service.poll(mailbox)).hasMessageContaining("queue unavailable");
        failAfter.set(Integer.MAX_VALUE);
        PollResult retry = service.poll(mailbox);
        PollResult third = service.poll(mailbox);

        assertThat(retry.status()).isEqualTo(PollStatus.OK);
        assertThat(retry.replayed()).as("the first batch's records, written before the crash, are finished")
                .isEqualTo(2);
        assertThat(retry.invoices()).isEqualTo(2);
        assertThat(third.invoices() + third.replayed()).isZero();
        var records = listing.page(new InvoiceQuery(RecordKind.INVOICE, mailboxId, null, null, 100, null)).records();
        assertThat(records).hasSize(4).allMatch(r -> r.record().published());
        assertThat(published).extracting(InvoiceExtractedEvent::idempotencyKey).doesNotHaveDuplicates().hasSize(4);
        assertThat(box.messages(folder)).isEmpty();
        assertThat(box.messages("Archive-" + folder)).hasSize(4);
    }
}
