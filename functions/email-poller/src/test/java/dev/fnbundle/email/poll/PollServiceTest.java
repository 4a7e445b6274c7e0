package dev.fnbundle.email.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.mailbox.PasswordRef;
import dev.fnbundle.email.mailbox.SearchCriteria;
import dev.fnbundle.email.mailbox.Secret;
import dev.fnbundle.email.mime.ParserLimits;
import dev.fnbundle.email.support.Fixtures;
import dev.fnbundle.email.support.GreenMailBox;
import dev.fnbundle.email.support.GreenMailServers;
import dev.fnbundle.email.support.PollHarness;
import jakarta.mail.Flags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PollServiceTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = GreenMailServers.imapAndImaps();

    private final GreenMailBox box = new GreenMailBox(GREEN_MAIL);
    private final PollHarness harness = new PollHarness();

    private Mailbox mailbox() {
        return GreenMailBox.mailbox("localhost", GREEN_MAIL.getImaps().getPort(), "INBOX");
    }

    private PollService service() {
        return harness.service(PollHarness.imaps(), PollSettings.defaults().withBatch(4, 1 << 20));
    }

    private void appendAllFixtures() {
        for (String fixture : Fixtures.ALL) {
            box.append("INBOX", Fixtures.eml(fixture));
        }
    }

    @Test
    void records_every_fixture_once_publishes_invoices_and_archives_everything_that_matched() {
        appendAllFixtures();
        box.append("INBOX", "Subject: Lunch?\r\nMessage-ID: <lunch@x>\r\n\r\nnoon\r\n".getBytes());

        PollResult result = service().poll(mailbox());

        assertThat(result.status()).isEqualTo(PollStatus.OK);
        assertThat(result.invoices()).isEqualTo(9);
        assertThat(result.unparseable()).isEqualTo(1);
        assertThat(result.archived()).isEqualTo(10);
        assertThat(result.error()).isNull();
        assertThat(harness.records(RecordKind.INVOICE)).hasSize(9);
        assertThat(harness.records(RecordKind.UNPARSEABLE)).singleElement().satisfies(r -> {
            assertThat(r.messageId()).isEqualTo("<broken@bad.example>");
            assertThat(r.reason()).containsIgnoringCase("boundary");
        });
        assertThat(harness.publishedKeys()).hasSize(9);
        assertThat(harness.store.all()).allMatch(r -> r.kind() != RecordKind.INVOICE || r.published());
        assertThat(box.messageIds("INBOX")).containsExactly("<lunch@x>");
        assertThat(box.messages("Archive")).hasSize(10).allMatch(m -> m.isSet(Flags.Flag.SEEN));
        assertThat(harness.checkpoints.get("mb-1")).contains(new Checkpoint(result.uidValidity(), 10));
    }

    @Test
    void invoice_record_carries_the_extracted_fields_and_attachment_list() {
        box.append("INBOX", Fixtures.eml("attachments.eml"));

        service().poll(mailbox());

        InvoiceRecord record = harness.records(RecordKind.INVOICE).getFirst();
        assertThat(record.fields().amount()).isEqualTo("250.00");
        assertThat(record.fields().currency()).isEqualTo("GBP");
        assertThat(record.fields().invoiceNumber()).isEqualTo("A-7781");
        assertThat(record.date()).isEqualTo(Instant.parse("2026-05-17T11:00:00Z"));
        assertThat(record.attachments()).extracting(a -> a.fileName())
                .containsExactly("passwd", "fdp.exe", "Rechnung März.pdf", "_CON.txt");
        InvoiceExtractedEvent event = harness.publisher.events().getFirst();
        assertThat(event.type()).isEqualTo("invoice.extracted");
        assertThat(event.idempotencyKey()).isEqualTo(record.key().asString());
        assertThat(event.amount()).isEqualTo("250.00");
    }

    @Test
    void a_second_poll_finds_nothing_new_and_publishes_nothing() {
        appendAllFixtures();
        service().poll(mailbox());

        PollResult again = service().poll(mailbox());

        assertThat(again.status()).isEqualTo(PollStatus.OK);
        assertThat(again.invoices() + again.duplicates() + again.replayed() + again.archived()).isZero();
        assertThat(harness.publisher.events()).hasSize(9);
    }

    @Test
    void a_message_copied_twice_is_recorded_once_as_invoice_and_once_as_duplicate() {
        box.append("INBOX", Fixtures.eml("plain-usd.eml"), Fixtures.eml("plain-usd.eml"));

        PollResult result = service().poll(mailbox());

        assertThat(result.invoices()).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(1);
        InvoiceRecord original = harness.records(RecordKind.INVOICE).getFirst();
        assertThat(harness.records(RecordKind.DUPLICATE)).singleElement()
                .satisfies(d -> assertThat(d.duplicateOf()).isEqualTo(original.key()));
        assertThat(harness.publisher.events()).hasSize(1);
        assertThat(box.messages("Archive")).hasSize(2);
    }

    @Test
    void unseen_only_skips_mail_read_by_a_person() {
        box.append("INBOX", Fixtures.eml("plain-usd.eml"), Fixtures.eml("non-usd.eml"));
        box.messages("INBOX").getFirst().setFlag(Flags.Flag.SEEN, true);
        Mailbox unseenOnly = new Mailbox("mb-1", "localhost", GREEN_MAIL.getImaps().getPort(), GreenMailBox.LOGIN,
                new PasswordRef.InlinePassword(new Secret(GreenMailBox.PASSWORD)), "INBOX", "Archive",
                new SearchCriteria("invoice", null, null, true));

        PollResult result = service().poll(unseenOnly);

        assertThat(result.invoices()).isEqualTo(1);
        assertThat(harness.invoiceMessageIds()).containsExactly("<mh-301@maple.example>");
        assertThat(box.messageIds("INBOX")).containsExactly("<inv-0042@acme.example>");
    }

    @Test
    void oversized_message_is_skipped_with_a_reason_and_left_unread_for_a_person() {
        String big = "Subject: Invoice huge\r\nFrom: Big <big@corp.example>\r\nMessage-ID: <big@corp.example>\r\n\r\n"
                + "x".repeat(5000) + "\r\n";
        box.append("INBOX", big.getBytes(), Fixtures.eml("plain-usd.eml"));
        PollSettings small = new PollSettings(Duration.ofMinutes(15), Duration.ofMinutes(2), 1, 10, 1 << 20, 100,
                new ParserLimits(4000, 20, 500, 10_000));

        PollResult result = harness.service(PollHarness.imaps(), small).poll(mailbox());

        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.invoices()).isEqualTo(1);
        assertThat(harness.records(RecordKind.SKIPPED)).singleElement().satisfies(r -> {
            assertThat(r.subject()).isEqualTo("Invoice huge");
            assertThat(r.messageId()).isEqualTo("<big@corp.example>");
            assertThat(r.reason()).matches("message is \\d+ bytes, over the 4000 byte limit");
        });
        assertThat(box.messageIds("INBOX")).containsExactly("<big@corp.example>");
        assertThat(box.messages("INBOX").getFirst().isSet(Flags.Flag.SEEN)).isFalse();
        assertThat(result.lastUid()).isEqualTo(2);
    }

    @Test
    void wrong_password_gives_a_failing_status_with_a_clear_error() {
        Mailbox wrong = new Mailbox("mb-1", "localhost", GREEN_MAIL.getImaps().getPort(), GreenMailBox.LOGIN,
                new PasswordRef.InlinePassword(new Secret("wrong-pw")), "INBOX", "Archive",
                mailbox().search());

        PollResult result = service().poll(wrong);

        assertThat(result.status()).isEqualTo(PollStatus.AUTH_FAILED);
        assertThat(result.status().isFailure()).isTrue();
        assertThat(result.error()).isEqualTo("login refused (mailbox mb-1, localhost:"
                + GREEN_MAIL.getImaps().getPort() + ")");
    }

    @Test
    void unresolvable_password_reference_gives_credentials_unavailable() {
        Mailbox missing = new Mailbox("mb-1", "localhost", GREEN_MAIL.getImaps().getPort(), GreenMailBox.LOGIN,
                new PasswordRef.SecretReference("env:NOT_SET_ANYWHERE"), "INBOX", "Archive", mailbox().search());

        PollResult result = service().poll(missing);

        assertThat(result.status()).isEqualTo(PollStatus.CREDENTIALS_UNAVAILABLE);
        assertThat(harness.lease.tryAcquire("mb-1", "next", Instant.now(), Duration.ofMinutes(1)))
                .as("the lease is released after a failure").isTrue();
    }

    @Test
    void more_candidates_than_the_per_poll_bound_wait_for_the_next_poll() {
        appendAllFixtures();
        PollSettings bounded = new PollSettings(Duration.ofMinutes(15), Duration.ofMinutes(2), 1, 3, 1 << 20, 4,
                ParserLimits.defaults());
        PollService service = harness.service(PollHarness.imaps(), bounded);

        PollResult first = service.poll(mailbox());
        PollResult second = service.poll(mailbox());
        PollResult third = service.poll(mailbox());

        assertThat(List.of(first.moreRemaining(), second.moreRemaining(), third.moreRemaining()))
                .containsExactly(true, true, false);
        assertThat(first.archived() + second.archived() + third.archived()).isEqualTo(10);
        assertThat(harness.records(RecordKind.INVOICE)).hasSize(9);
    }
}
