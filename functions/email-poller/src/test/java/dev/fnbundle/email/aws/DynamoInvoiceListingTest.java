package dev.fnbundle.email.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.email.csv.CsvExporter;
import dev.fnbundle.email.listing.CsvDownload;
import dev.fnbundle.email.listing.InvoicePage;
import dev.fnbundle.email.listing.InvoiceQuery;
import dev.fnbundle.email.listing.ListedRecord;
import dev.fnbundle.email.poll.RecordKind;
import dev.fnbundle.email.support.Records;
import dev.fnbundle.embedded.LocalAws;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing by mailbox, kind and date range, pages and the capped CSV, on DynamoDB Local's GSIs. */
class DynamoInvoiceListingTest {
    private static DynamoInvoiceStore store;
    private static DynamoInvoiceListing listing;
    private final String mailbox = "mb-" + UUID.randomUUID();
    private final String other = "mb-" + UUID.randomUUID();
    /** A year no other test uses, so listings across all mailboxes see only this test's records. */
    private static final AtomicInteger YEARS = new AtomicInteger(2100);
    private final int year = YEARS.getAndIncrement();

    @BeforeAll
    static void table() {
        var aws = LocalAws.shared();
        String table = aws.provisionTable("EmailTable");
        store = new DynamoInvoiceStore(aws.dynamoDb(), table);
        listing = new DynamoInvoiceListing(aws.dynamoDb(), table,
                PageTokens.inTable(aws.dynamoDb(), table, Clock.systemUTC()));
    }

    private Instant day(int day) {
        return Instant.parse(String.format("%04d-05-%02dT09:00:00Z", year, day));
    }

    @BeforeEach
    void records() {
        // uids 1..12 on days 12, 11, ..., 1: written out of date order on purpose
        for (int uid = 1; uid <= 12; uid++) {
            store.putIfAbsent(Records.invoice(mailbox, uid, "<" + mailbox + uid + ">", day(13 - uid), uid + ".00"));
        }
        store.putIfAbsent(Records.invoice(other, 1, "<" + other + ">", day(5), "500.00"));
        store.putIfAbsent(Records.of(RecordKind.UNPARSEABLE, mailbox, 50, day(3), "bad boundary"));
    }

    private InvoiceQuery query(String mailboxId, Instant from, Instant to, int limit) {
        return new InvoiceQuery(RecordKind.INVOICE, mailboxId, from, to, limit, null);
    }

    @Test
    void one_mailboxs_invoices_in_a_range_come_oldest_first_and_bounds_are_inclusive() {
        InvoicePage page = listing.page(query(mailbox, day(3), day(6), 100));

        assertThat(amounts(page.records())).containsExactly("10.00", "9.00", "8.00", "7.00");
        assertThat(page.nextToken()).isNull();
    }

    @Test
    void pages_follow_each_other_without_gaps_or_repeats() {
        var all = new ArrayList<String>();
        String token = null;
        int pages = 0;
        do {
            InvoicePage page = listing.page(query(mailbox, null, null, 5).page(5, token));
            all.addAll(amounts(page.records()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(all).containsExactly("12.00", "11.00", "10.00", "9.00", "8.00", "7.00", "6.00", "5.00", "4.00",
                "3.00", "2.00", "1.00");
        assertThat(pages).isBetween(3, 4);
    }

    @Test
    void without_a_mailbox_every_mailbox_is_listed_and_kinds_stay_apart() {
        InvoicePage all = listing.page(query(null, day(5), day(5), 100));
        InvoicePage unparseable = listing.page(new InvoiceQuery(RecordKind.UNPARSEABLE, mailbox, null, null, 10,
                null));

        assertThat(all.records()).extracting(r -> r.record().key().mailboxId()).containsExactlyInAnyOrder(mailbox,
                other);
        assertThat(unparseable.records()).singleElement()
                .satisfies(r -> assertThat(r.record().reason()).isEqualTo("bad boundary"));
    }

    @Test
    void a_token_of_one_list_is_refused_by_another() {
        String token = listing.page(query(mailbox, null, null, 2)).nextToken();

        assertThatThrownBy(() -> listing.page(query(other, null, null, 2).page(2, token)))
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.fields()).containsExactly("nextToken"));
        assertThatThrownBy(() -> listing.page(query(mailbox, day(1), null, 2).page(2, token)))
                .isInstanceOf(InvalidFieldsException.class);
    }

    @Test
    void a_csv_over_its_cap_continues_where_it_stopped_until_every_row_was_sent_once() {
        var csv = new CsvDownload(listing, 5, CsvDownload.MAX_BYTES);
        var rows = new ArrayList<String>();
        String token = null;
        int downloads = 0;
        do {
            var download = csv.export(query(mailbox, null, null, 1).page(1, token));
            List<String> lines = List.of(download.body().split("\r\n"));
            assertThat(lines.getFirst()).startsWith("date,from,subject,amount,currency,invoiceNumber");
            assertThat(download.rows()).isEqualTo(lines.size() - 1);
            rows.addAll(lines.subList(1, lines.size()));
            token = download.nextToken();
            downloads++;
        } while (token != null);

        assertThat(downloads).isEqualTo(3);
        assertThat(rows).hasSize(12).doesNotHaveDuplicates();
        assertThat(rows.getFirst()).contains(",12.00,USD,INV-12,");
    }

    @Test
    void the_byte_cap_counts_each_row_as_it_travels_in_json() {
        var exporter = new CsvExporter();
        var header = new StringBuilder();
        exporter.writeHeader(header);
        var firstTwo = new StringBuilder();
        for (int uid : new int[] {12, 11}) {
            exporter.writeRecord(Records.invoice(mailbox, uid, "<" + mailbox + uid + ">", day(13 - uid),
                    uid + ".00"), firstTwo);
        }
        // each CRLF travels as \r\n: two bytes more per line than the text has
        long exact = header.length() + 2 + firstTwo.length() + 4;

        var fits = new CsvDownload(listing, 1_000, exact).export(query(mailbox, null, null, 1));
        var oneShort = new CsvDownload(listing, 1_000, exact - 1).export(query(mailbox, null, null, 1));

        assertThat(fits.rows()).isEqualTo(2);
        assertThat(fits.nextToken()).isNotNull();
        assertThat(oneShort.rows()).isEqualTo(1);
    }

    private static List<String> amounts(List<ListedRecord> records) {
        return records.stream().map(r -> r.record().fields().amount()).toList();
    }
}
