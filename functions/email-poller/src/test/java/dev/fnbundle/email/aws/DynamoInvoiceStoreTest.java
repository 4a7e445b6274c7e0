package dev.fnbundle.email.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.email.mime.AttachmentInfo;
import dev.fnbundle.email.poll.InvoiceRecord;
import dev.fnbundle.email.poll.RecordKey;
import dev.fnbundle.email.poll.RecordKind;
import dev.fnbundle.email.support.Records;
import dev.fnbundle.embedded.LocalAws;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exactly-once records and race-free dedupe claims on a DynamoDB Local table provisioned from template.yaml. */
class DynamoInvoiceStoreTest {
    private static DynamoInvoiceStore store;
    private final String mailbox = "mb-" + UUID.randomUUID();
    private final Instant date = Instant.parse("2026-05-13T09:14:32Z");

    @BeforeAll
    static void table() {
        var aws = LocalAws.shared();
        store = new DynamoInvoiceStore(aws.dynamoDb(), aws.provisionTable("EmailTable"));
    }

    @Test
    void a_record_reads_back_with_every_field() {
        InvoiceRecord record = Records.invoice(mailbox, 1, "<a@acme>", date, "1234.50");

        assertThat(store.putIfAbsent(record)).isSameAs(record);
        assertThat(store.get(record.key())).contains(record);
    }

    @Test
    void writing_a_key_again_returns_the_first_record_and_changes_nothing() {
        InvoiceRecord first = Records.invoice(mailbox, 1, "<a@acme>", date, "10.00");
        InvoiceRecord replay = Records.invoice(mailbox, 1, "<a@acme>", date, "99.00");

        store.putIfAbsent(first);
        InvoiceRecord stored = store.putIfAbsent(replay);

        assertThat(stored).isEqualTo(first);
        assertThat(store.get(first.key()).orElseThrow().fields().amount()).isEqualTo("10.00");
    }

    @Test
    void the_first_record_of_a_message_id_is_found_by_it_and_a_later_copy_becomes_its_duplicate() {
        InvoiceRecord first = Records.invoice(mailbox, 1, "<same@acme>", date, "10.00");
        InvoiceRecord copy = Records.invoice(mailbox, 2, "<same@acme>", date, "10.00");

        store.putIfAbsent(first);
        InvoiceRecord stored = store.putIfAbsent(copy);

        assertThat(store.findByDedupeKey(mailbox, "<same@acme>")).contains(first);
        assertThat(stored.kind()).isEqualTo(RecordKind.DUPLICATE);
        assertThat(stored.duplicateOf()).isEqualTo(first.key());
        assertThat(store.get(copy.key()).orElseThrow().kind()).isEqualTo(RecordKind.DUPLICATE);
        assertThat(store.findByDedupeKey(mailbox, "<other@acme>")).isEmpty();
        assertThat(store.findByDedupeKey("mb-other", "<same@acme>")).isEmpty();
    }

    @Test
    void copies_written_at_the_same_moment_leave_exactly_one_record_of_the_message() throws Exception {
        int copies = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(copies);
        try {
            var futures = new ArrayList<Future<InvoiceRecord>>();
            for (int uid = 1; uid <= copies; uid++) {
                InvoiceRecord record = Records.invoice(mailbox, uid, "<race@acme>", date, "10.00");
                Callable<InvoiceRecord> write = () -> {
                    start.await();
                    return store.putIfAbsent(record);
                };
                futures.add(pool.submit(write));
            }
            start.countDown();
            var stored = new ArrayList<InvoiceRecord>();
            for (var future : futures) {
                stored.add(future.get());
            }

            List<InvoiceRecord> invoices = stored.stream().filter(r -> r.kind() == RecordKind.INVOICE).toList();
            assertThat(invoices).hasSize(1);
            RecordKey winner = invoices.getFirst().key();
            assertThat(stored).filteredOn(r -> r.kind() == RecordKind.DUPLICATE).hasSize(copies - 1)
                    .allSatisfy(r -> assertThat(r.duplicateOf()).isEqualTo(winner));
            assertThat(store.findByDedupeKey(mailbox, "<race@acme>").orElseThrow().key()).isEqualTo(winner);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void marking_published_is_durable_and_idempotent() {
        InvoiceRecord record = Records.invoice(mailbox, 1, "<p@acme>", date, "1.00");
        store.putIfAbsent(record);

        store.markPublished(record.key());
        store.markPublished(record.key());

        assertThat(store.get(record.key()).orElseThrow().published()).isTrue();
    }

    @Test
    void a_hostile_header_cannot_make_the_record_unwritable() {
        InvoiceRecord base = Records.invoice(mailbox, 1, "<big@acme>", date, "1.00");
        String huge = "x".repeat(300_000);
        var attachments = new ArrayList<AttachmentInfo>();
        for (int i = 0; i < 500; i++) {
            attachments.add(new AttachmentInfo("f" + i + ".pdf", "application/pdf", i));
        }
        InvoiceRecord hostile = new InvoiceRecord(base.key(), base.kind(), huge, huge, null, date, base.from(), huge,
                base.fields(), attachments, null, false, base.recordedAt());

        store.putIfAbsent(hostile);

        InvoiceRecord stored = store.get(base.key()).orElseThrow();
        assertThat(stored.subject()).hasSize(2_000);
        assertThat(stored.attachments()).hasSize(RecordItems.MAX_ATTACHMENTS);
        assertThat(store.findByDedupeKey(mailbox, huge)).isPresent();
    }
}
