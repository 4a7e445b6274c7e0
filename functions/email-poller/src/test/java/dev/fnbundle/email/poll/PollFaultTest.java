package dev.fnbundle.email.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.mailbox.SearchCriteria;
import dev.fnbundle.email.support.DroppingProxy;
import dev.fnbundle.email.support.Fixtures;
import dev.fnbundle.email.support.GreenMailBox;
import dev.fnbundle.email.support.GreenMailServers;
import dev.fnbundle.email.support.PollHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fault tests: after each, every invoice is stored exactly once and every message is archived. */
class PollFaultTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = GreenMailServers.imapAndImaps();

    /** The nine parseable fixtures' Message-IDs, sorted. */
    private static final List<String> INVOICE_IDS = List.of("<a-7781@initech.example>", "<alt-1@globex.example>",
            "<f-981@sgf.example>", "<h-1001@vandelay.example>", "<inv-0042@acme.example>", "<may@hooli.example>",
            "<mh-301@maple.example>", "<re-2026-17@mueller.example>", "<several@umbrella.example>");

    private final GreenMailBox box = new GreenMailBox(GREEN_MAIL);
    private final PollHarness harness = new PollHarness();
    private DroppingProxy proxy;

    @BeforeEach
    void appendFixtures() throws Exception {
        for (String fixture : Fixtures.ALL) {
            box.append("INBOX", Fixtures.eml(fixture));
        }
        proxy = new DroppingProxy(GREEN_MAIL.getImap().getPort());
    }

    @AfterEach
    void closeProxy() throws Exception {
        proxy.close();
    }

    private Mailbox viaProxy() {
        return GreenMailBox.mailbox("localhost", proxy.port(), "INBOX");
    }

    private static PollSettings batchesOfThree(int reconnects) {
        return PollSettings.defaults().withBatch(3, 1 << 20).withMaxReconnects(reconnects);
    }

    private void assertEveryInvoiceOnceAndEverythingArchived() {
        assertThat(harness.invoiceMessageIds()).containsExactlyElementsOf(INVOICE_IDS);
        assertThat(harness.records(RecordKind.UNPARSEABLE)).hasSize(1);
        assertThat(harness.records(RecordKind.DUPLICATE)).isEmpty();
        assertThat(harness.publishedKeys()).hasSize(INVOICE_IDS.size());
        assertThat(harness.store.all()).filteredOn(r -> r.kind() == RecordKind.INVOICE).allMatch(r -> r.published());
        assertThat(box.messages("INBOX")).isEmpty();
        assertThat(box.messageIds("Archive")).hasSize(Fixtures.ALL.size()).doesNotHaveDuplicates();
    }

    @Test
    void connection_dropped_mid_batch_fails_the_poll_and_the_retry_finishes_the_rest() {
        // given the connection drops when the second batch is fetched
        proxy.dropOn("BODY.PEEK[]", 2);
        PollService service = harness.service(PollHarness.plainImap(), batchesOfThree(0));

        PollResult dropped = service.poll(viaProxy());

        assertThat(dropped.status()).isEqualTo(PollStatus.CONNECTION_LOST);
        assertThat(dropped.status().isFailure()).isTrue();
        assertThat(dropped.invoices()).isEqualTo(3);
        assertThat(dropped.lastUid()).isEqualTo(3);

        // when the task is redelivered
        proxy.passThrough();
        PollResult retried = service.poll(viaProxy());

        // then the rest is done once
        assertThat(retried.status()).isEqualTo(PollStatus.OK);
        assertThat(retried.invoices() + retried.unparseable()).isEqualTo(7);
        assertEveryInvoiceOnceAndEverythingArchived();
    }

    @Test
    void connection_dropped_mid_batch_is_resumed_from_the_checkpoint_within_the_same_poll() {
        proxy.dropOn("BODY.PEEK[]", 2);

        PollResult result = harness.service(PollHarness.plainImap(), batchesOfThree(1)).poll(viaProxy());

        assertThat(result.status()).isEqualTo(PollStatus.OK);
        assertThat(result.reconnects()).isEqualTo(1);
        assertEveryInvoiceOnceAndEverythingArchived();
    }

    @Test
    void connection_dropped_after_the_record_write_but_before_seen_repeats_nothing() {
        // given the connection drops exactly when \Seen is about to be set for the second batch
        proxy.dropOn("(\\Seen)", 2);
        PollService service = harness.service(PollHarness.plainImap(), batchesOfThree(0));

        PollResult dropped = service.poll(viaProxy());
        assertThat(dropped.status()).isEqualTo(PollStatus.CONNECTION_LOST);
        assertThat(dropped.invoices()).as("records of batch 2 written before the drop").isEqualTo(6);

        proxy.passThrough();
        PollResult retried = service.poll(viaProxy());

        assertThat(retried.replayed()).as("batch 2 found already recorded").isEqualTo(3);
        assertEveryInvoiceOnceAndEverythingArchived();
    }

    @Test
    void crash_after_the_record_write_but_before_seen_is_finished_by_the_next_poll() {
        // given a process that dies (an unchecked error) the first time it would set \Seen
        AtomicBoolean crashed = new AtomicBoolean();
        MailboxConnector crashing = mailbox -> new CrashingSession(PollHarness.imaps().open(mailbox), crashed);
        Mailbox mailbox = GreenMailBox.mailbox("localhost", GREEN_MAIL.getImaps().getPort(), "INBOX");

        assertThatThrownBy(() -> harness.service(crashing, batchesOfThree(0)).poll(mailbox))
                .hasMessage("simulated crash before \\Seen");
        assertThat(harness.store.all()).hasSize(3);

        PollResult next = harness.service(PollHarness.imaps(), batchesOfThree(0)).poll(mailbox);

        assertThat(next.replayed()).isEqualTo(3);
        assertEveryInvoiceOnceAndEverythingArchived();
    }

    @Test
    void crash_between_record_write_and_publish_publishes_on_the_next_poll() {
        AtomicBoolean failed = new AtomicBoolean();
        InvoicePublisher flaky = event -> {
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("queue unavailable");
            }
            harness.publisher.publish(event);
        };
        Mailbox mailbox = GreenMailBox.mailbox("localhost", GREEN_MAIL.getImaps().getPort(), "INBOX");

        assertThatThrownBy(() -> harness.service(PollHarness.imaps(), batchesOfThree(0), flaky, harness.lease)
                .poll(mailbox)).hasMessage("queue unavailable");
        assertThat(harness.store.all()).singleElement().satisfies(r -> assertThat(r.published()).isFalse());

        harness.service(PollHarness.imaps(), batchesOfThree(0)).poll(mailbox);

        assertThat(harness.publisher.events()).hasSize(INVOICE_IDS.size());
        assertEveryInvoiceOnceAndEverythingArchived();
    }

    @Test
    void a_poll_started_while_another_runs_finds_the_lease_taken() {
        Mailbox mailbox = GreenMailBox.mailbox("localhost", GREEN_MAIL.getImaps().getPort(), "INBOX");
        List<PollResult> inner = new ArrayList<>();
        PollService second = harness.service(PollHarness.imaps(), batchesOfThree(0));
        // the first poll's connector starts the second poll while the first holds the lease
        MailboxConnector overlapping = m -> {
            inner.add(second.poll(m));
            return PollHarness.imaps().open(m);
        };

        PollResult first = harness.service(overlapping, batchesOfThree(0)).poll(mailbox);

        assertThat(inner).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(PollStatus.BUSY));
        assertThat(first.status()).isEqualTo(PollStatus.OK);
        assertEveryInvoiceOnceAndEverythingArchived();
    }

    @Test
    void two_concurrent_polls_store_every_invoice_once() throws Exception {
        assertConcurrentPollsExactlyOnce(harness.lease);
        assertThat(harness.publisher.events()).hasSize(INVOICE_IDS.size());
    }

    @Test
    void even_without_the_lease_two_concurrent_polls_never_duplicate_a_record() throws Exception {
        // a lease that always grants: overlapping polls, as after an expired lease
        MailboxLease none = new MailboxLease() {
            @Override
            public boolean tryAcquire(String mailboxId, String owner, Instant now, Duration ttl) {
                return true;
            }

            @Override
            public void release(String mailboxId, String owner) {
                // nothing held
            }
        };
        assertConcurrentPollsExactlyOnce(none);
    }

    private void assertConcurrentPollsExactlyOnce(MailboxLease lease) throws Exception {
        Mailbox mailbox = GreenMailBox.mailbox("localhost", GREEN_MAIL.getImaps().getPort(), "INBOX");
        CountDownLatch start = new CountDownLatch(1);
        Callable<PollResult> poll = () -> {
            start.await();
            return harness.service(PollHarness.imaps(), batchesOfThree(1), harness.publisher, lease).poll(mailbox);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<PollResult>> futures = List.of(pool.submit(poll), pool.submit(poll));
            start.countDown();
            for (Future<PollResult> future : futures) {
                PollResult result = future.get();
                assertThat(result.status()).as(result.error()).isIn(PollStatus.OK, PollStatus.BUSY);
            }
        } finally {
            pool.shutdownNow();
        }
        // a poll that lost a race may have found messages already moved; one more poll settles the folder
        harness.service(PollHarness.imaps(), batchesOfThree(0)).poll(mailbox);
        assertEveryInvoiceOnceAndEverythingArchived();
    }

    @Test
    void uidvalidity_change_rescans_and_dedupes_by_message_id() throws Exception {
        // given a folder polled once
        for (String fixture : List.of("plain-usd.eml", "alternative.eml", "non-usd.eml")) {
            box.append("Invoices", Fixtures.eml(fixture));
        }
        Mailbox mailbox = GreenMailBox.mailbox("localhost", GREEN_MAIL.getImaps().getPort(), "Invoices");
        PollService service = harness.service(PollHarness.imaps(), batchesOfThree(0));
        PollResult first = service.poll(mailbox);
        assertThat(first.invoices()).isEqualTo(3);

        // when the folder is recreated (new UIDVALIDITY, UIDs from 1 again) and restored with one new message
        long validity = box.recreateWithNewUidValidity("Invoices");
        for (String fixture : List.of("plain-usd.eml", "alternative.eml", "non-usd.eml", "html-only.eml")) {
            box.append("Invoices", Fixtures.eml(fixture));
        }
        PollResult second = service.poll(mailbox);

        // then the old messages are noticed as copies and only the new one is an invoice
        assertThat(second.validityChanged()).isTrue();
        assertThat(second.uidValidity()).isEqualTo(validity);
        assertThat(second.duplicates()).isEqualTo(3);
        assertThat(second.invoices()).isEqualTo(1);
        assertThat(harness.invoiceMessageIds()).containsExactly("<alt-1@globex.example>",
                "<h-1001@vandelay.example>", "<inv-0042@acme.example>", "<mh-301@maple.example>");
        assertThat(harness.publishedKeys()).hasSize(4);
        assertThat(box.messages("Invoices")).isEmpty();
        assertThat(box.messages("Archive")).hasSize(7);
        assertThat(harness.checkpoints.get("mb-1")).contains(new Checkpoint(validity, 4));
    }

    /** A session that throws, as a dying process would, the first time \Seen is set. */
    private record CrashingSession(MailboxSession delegate, AtomicBoolean crashed) implements MailboxSession {
        @Override
        public long uidValidity() {
            return delegate.uidValidity();
        }

        @Override
        public List<MessageMeta> search(SearchCriteria criteria, long afterUid) {
            return delegate.search(criteria, afterUid);
        }

        @Override
        public List<FetchedMessage> fetch(List<Long> uids, boolean headersOnly) {
            return delegate.fetch(uids, headersOnly);
        }

        @Override
        public void markSeen(List<Long> uids) {
            if (crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("simulated crash before \\Seen");
            }
            delegate.markSeen(uids);
        }

        @Override
        public void archive(List<Long> uids) {
            delegate.archive(uids);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
