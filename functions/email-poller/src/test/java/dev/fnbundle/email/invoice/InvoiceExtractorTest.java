package dev.fnbundle.email.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.email.mime.BodySource;
import dev.fnbundle.email.mime.MailAddress;
import dev.fnbundle.email.mime.MessageParser;
import dev.fnbundle.email.mime.ParseOutcome;
import dev.fnbundle.email.mime.ParsedMessage;
import dev.fnbundle.email.support.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InvoiceExtractorTest {
    private final InvoiceExtractor extractor = new InvoiceExtractor();

    private static ParsedMessage message(String subject, String body, MailAddress from) {
        return new ParsedMessage("<id@x>", from, List.of(), subject, null, body, BodySource.TEXT_PLAIN, List.of(), 0);
    }

    private InvoiceFields extract(String body) {
        return extractor.extract(message("Invoice", body, new MailAddress("billing@acme.example", null)));
    }

    static Stream<Arguments> amounts() {
        return Stream.of(
                Arguments.of("Your total charges: $14.72", "14.72", "USD"),
                Arguments.of("Subtotal $1,000.00\nTax $80.00\nTotal: $1,234.50", "1234.50", "USD"),
                Arguments.of("Subtotal $1,000.00   Total $1,080.00", "1080.00", "USD"),
                Arguments.of("Total: $1,080.00\nAmount due: $980.00", "980.00", "USD"),
                Arguments.of("Amount due: $980.00\nTotal: $1,080.00", "980.00", "USD"),
                Arguments.of("Gesamtbetrag: 1.234,56 €", "1234.56", "EUR"),
                Arguments.of("Total: EUR 1 234,56", "1234.56", "EUR"),
                Arguments.of("Total:\u00a01\u00a0234,56\u00a0€", "1234.56", "EUR"),
                Arguments.of("Total: 1\u202f234,56 EUR", "1234.56", "EUR"),
                Arguments.of("Total £250.00", "250.00", "GBP"),
                Arguments.of("Total due: GBP 99", "99.00", "GBP"),
                Arguments.of("Total: CHF 1'234.50", "1234.50", "CHF"),
                Arguments.of("Total due: $1,200.00 CAD", "1200.00", "CAD"),
                Arguments.of("Amount due: CA$ 45.00", "45.00", "CAD"),
                Arguments.of("Amount due: US$ 45.00", "45.00", "USD"),
                Arguments.of("Preis 12,50 €", "12.50", "EUR"),
                Arguments.of("Total (incl. VAT): €119.00", "119.00", "EUR"),
                Arguments.of("Item A $10.00\nItem B $20.00\nGrand total: $35.00\nAmount paid: $0.00", "35.00",
                        "USD"),
                Arguments.of("Total\n$99.00", "99.00", "USD"),
                Arguments.of("Subtotal\n$90.00\nTotal\n$99.00", "99.00", "USD"),
                Arguments.of("Total: 1,080.00", "1080.00", null),
                Arguments.of("Fee $5 and more later", "5.00", "USD"),
                Arguments.of("First $3.00 then €4.00", "3.00", "USD"),
                Arguments.of("Total: 3 items\nPrice $7.50", "7.50", "USD"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("amounts")
    void picks_the_amount_to_pay(String body, String amount, String currency) {
        InvoiceFields fields = extract(body);

        assertThat(fields.amount()).isEqualTo(amount);
        assertThat(fields.currency()).isEqualTo(currency);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noAmounts")
    void leaves_the_amount_absent_when_none_is_stated(String body) {
        InvoiceFields fields = extract(body);

        assertThat(fields.amount()).isNull();
        assertThat(fields.currency()).isNull();
    }

    static Stream<String> noAmounts() {
        return Stream.of("Your invoice is attached.", "Total: 3 items", "Order 2026 shipped on 13.05.2026",
                "Call +1 555 123 4567", "Total: 1,234.567", "Version 1.2.3");
    }

    @Test
    void amount_comes_from_the_subject_when_the_body_has_none() {
        InvoiceFields fields = extractor.extract(message("Invoice for $45.00", "See PDF", null));

        assertThat(fields.amount()).isEqualTo("45.00");
        assertThat(fields.vendor()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invoiceNumbers")
    void finds_invoice_numbers(String subject, String body, String expected) {
        assertThat(extractor.extract(message(subject, body, null)).invoiceNumber()).isEqualTo(expected);
    }

    static Stream<Arguments> invoiceNumbers() {
        return Stream.of(
                Arguments.of("Invoice", "Invoice number: INV-2026-0042", "INV-2026-0042"),
                Arguments.of("Invoice", "Invoice #12345", "12345"),
                Arguments.of("Invoice", "Invoice #: 2026-05-0007", "2026-05-0007"),
                Arguments.of("Invoice", "Invoice No. 4711.", "4711"),
                Arguments.of("Invoice", "Rechnungsnummer: RE-2026-17", "RE-2026-17"),
                Arguments.of("Invoice INV-99 from Acme", "thanks", "INV-99"),
                Arguments.of("Your invoice", "Invoice ID: A1B2", "A1B2"),
                Arguments.of("Your invoice for May", "Invoice: see attached", null),
                Arguments.of("Invoice from Acme", "Your invoice is ready", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dueDates")
    void finds_unambiguous_due_dates(String body, LocalDate expected) {
        assertThat(extract(body).dueDate()).isEqualTo(expected);
    }

    static Stream<Arguments> dueDates() {
        return Stream.of(
                Arguments.of("Due date: 2026-06-15", LocalDate.of(2026, 6, 15)),
                Arguments.of("Payment due: 30.06.2026", LocalDate.of(2026, 6, 30)),
                Arguments.of("Payment due by June 1, 2026", LocalDate.of(2026, 6, 1)),
                Arguments.of("Due on 15th Jun 2026", LocalDate.of(2026, 6, 15)),
                Arguments.of("Pay by Sept. 3, 2026", LocalDate.of(2026, 9, 3)),
                Arguments.of("Fällig am 15.06.2026", LocalDate.of(2026, 6, 15)),
                Arguments.of("Due date: 06/30/2026", LocalDate.of(2026, 6, 30)),
                Arguments.of("Due date: 30/06/2026", LocalDate.of(2026, 6, 30)),
                Arguments.of("Amount due: $5.00\nDue date: 2026-07-01", LocalDate.of(2026, 7, 1)),
                Arguments.of("Due date: 05/06/2026", null),
                Arguments.of("Due date: 2026-02-30", null),
                Arguments.of("Issued 2026-06-15", null));
    }

    @Test
    void the_finders_read_the_first_200_000_characters_of_a_body_and_2_000_of_a_subject() {
        String filler = "Thank you for your order. ".repeat(InvoiceExtractor.MAX_BODY_CHARS / 26 + 1)
                .substring(0, InvoiceExtractor.MAX_BODY_CHARS - 20);
        InvoiceFields within = extract(filler + "Total: $5.00");
        InvoiceFields beyond = extract(filler + " ".repeat(20) + "Total: $5.00 Invoice no. 77 Due date: 2026-07-01");
        String longSubject = "x".repeat(InvoiceExtractor.MAX_SUBJECT_CHARS) + " Invoice RE-1 $9.00";
        InvoiceFields subjectBeyond = extractor.extract(message(longSubject, "", null));

        assertThat(within.amount()).isEqualTo("5.00");
        assertThat(beyond).isEqualTo(new InvoiceFields(null, null, null, null, "acme.example"));
        assertThat(subjectBeyond).isEqualTo(InvoiceFields.NONE);
    }

    @Test
    void vendor_is_the_display_name_else_the_domain() {
        InvoiceFields named = extractor.extract(message("Invoice", "",
                new MailAddress("billing@acme.example", "Acme Billing")));
        InvoiceFields unnamed = extractor.extract(message("Invoice", "",
                new MailAddress("Billing@Mail.Acme.Example", null)));

        assertThat(named.vendor()).isEqualTo("Acme Billing");
        assertThat(unnamed.vendor()).isEqualTo("mail.acme.example");
    }

    @Test
    void extracts_every_field_of_every_fixture() {
        MessageParser parser = new MessageParser();
        record Expected(String fixture, String amount, String currency, String number, LocalDate due,
                        String vendor) {
        }
        List<Expected> table = List.of(
                new Expected("plain-usd.eml", "1080.00", "USD", "INV-2026-0042", LocalDate.of(2026, 6, 15),
                        "Acme Billing"),
                new Expected("alternative.eml", "1234.56", "EUR", "G-55120", LocalDate.of(2026, 6, 30),
                        "Globex Accounts"),
                new Expected("subject-utf8.eml", "1234.56", "EUR", "RE-2026-17", LocalDate.of(2026, 6, 15),
                        "Müller GmbH"),
                new Expected("subject-latin1.eml", "99.90", "EUR", "F-981", null, "Société Générale Fournitures"),
                new Expected("attachments.eml", "250.00", "GBP", "A-7781", null, "Initech"),
                new Expected("no-amount.eml", null, null, null, null, "hooli.example"),
                new Expected("several-amounts.eml", "35.00", "USD", "2026-05-0007", LocalDate.of(2026, 6, 1),
                        "Umbrella Store"),
                new Expected("non-usd.eml", "1200.00", "CAD", "MH-301", LocalDate.of(2026, 6, 30), "Maple Hosting"),
                new Expected("html-only.eml", "99.00", "USD", "H-1001", LocalDate.of(2026, 6, 30),
                        "Vandelay Industries"));
        for (Expected row : table) {
            ParsedMessage message = ((ParseOutcome.Parsed) parser.parse(Fixtures.eml(row.fixture()))).message();
            assertThat(extractor.extract(message)).as(row.fixture())
                    .isEqualTo(new InvoiceFields(row.amount(), row.currency(), row.number(), row.due(), row.vendor()));
        }
    }
}
