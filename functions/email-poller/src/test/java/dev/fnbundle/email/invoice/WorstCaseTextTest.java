package dev.fnbundle.email.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.email.mime.BodySource;
import dev.fnbundle.email.mime.MailAddress;
import dev.fnbundle.email.mime.ParsedMessage;
import dev.fnbundle.email.support.CpuBudget;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pattern the extractors run on a message's text finishes 1 MiB of the input worst for it in well under a
 * second: repeated near-matches (a prefix that starts a match and then fails late), long runs of the characters
 * one quantifier accepts right after a match starts, and runs of combining marks (Java's {@code \b} looks back
 * over the whole run at every position). The bound is generous, 2 s of CPU time (the wall clock of a shared
 * machine says little); the quadratic patterns took minutes.
 */
class WorstCaseTextTest {
    private static final int MIB = 1 << 20;
    private static final Duration BOUND = Duration.ofSeconds(2);

    /** {@code unit} repeated to exactly 1 MiB. */
    private static String repeated(String unit) {
        return unit.repeat(MIB / unit.length() + 1).substring(0, MIB);
    }

    /** {@code prefix} followed by {@code run} up to 1 MiB, then {@code tail}. */
    private static String run(String prefix, char run, String tail) {
        return prefix + String.valueOf(run).repeat(MIB - prefix.length() - tail.length()) + tail;
    }

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("RE1A- repeated (issue 13's case)", repeated("RE1A-")),
                Arguments.of("INV-1A/ repeated", repeated("INV-1A/")),
                Arguments.of("BILL_2x repeated", repeated("BILL_2x ")),
                Arguments.of("RE1 then hyphens", run("RE1", '-', "")),
                Arguments.of("RE then digits then a letter", run("RE", '1', "a")),
                Arguments.of("combining marks", repeated("\u0301")),
                Arguments.of("a letter then combining marks", run("a", '\u0301', "")),
                Arguments.of("alternating combining marks", repeated("\u0301\u0316")),
                Arguments.of("invoice no, spaces, a hyphen", run("invoice no", ' ', "-")),
                Arguments.of("invoice, tabs", run("invoice #", '\t', "")),
                Arguments.of("invoice no repeated", repeated("invoice no ")),
                Arguments.of("one long invoice number", repeated("invoiceno1.")),
                Arguments.of("rechnungsnummer, spaces", run("Rechnungsnummer", ' ', ":")),
                Arguments.of("amount, spaces", run("amount", ' ', "x")),
                Arguments.of("amount repeated", repeated("amount ")),
                Arguments.of("sub-total repeated", repeated("sub-total ")),
                Arguments.of("incl. then spaces", run("incl.", ' ', "x")),
                Arguments.of("payment, spaces", run("payment", ' ', "x")),
                Arguments.of("due, tabs", run("due", '\t', "x")),
                Arguments.of("pay, spaces", run("pay", ' ', "x")),
                Arguments.of("due repeated", repeated("due ")),
                Arguments.of("due date with half a date repeated", repeated("Due date: 2026-")),
                Arguments.of("unmarked amounts on one line", repeated("1.00 ")),
                Arguments.of("labelled amounts on one line", repeated("Total: $1.00 ")),
                Arguments.of("amounts on short lines", repeated("1.00\n")),
                Arguments.of("digits", run("", '7', "")),
                Arguments.of("dollar then digits", run("$", '7', ".00")),
                Arguments.of("thousands groups", "1" + repeated(",000").substring(1)),
                Arguments.of("spaced thousands groups", "1" + repeated(" 000").substring(1)),
                Arguments.of("dollar signs", repeated("$")),
                Arguments.of("currency codes before digits", repeated("USD 1")),
                Arguments.of("seed rule near-match", "$" + repeated("1,").substring(1)),
                Arguments.of("dollar digit repeated", repeated("$1")),
                Arguments.of("swiss groups", repeated("1'000'")),
                Arguments.of("words and spaces", repeated("a \t")));
    }

    private static void within(Runnable work) {
        CpuBudget.assertWithin(BOUND, work);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void the_invoice_number_finder_is_linear(String name, String text) {
        within(() -> new InvoiceNumberFinder().find(text, text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void the_amount_selector_is_linear(String name, String text) {
        within(() -> new AmountSelector().select(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void the_money_scanner_is_linear(String name, String text) {
        within(() -> new MoneyScanner().scan(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void the_total_labels_are_linear(String name, String text) {
        within(() -> TotalLabels.score(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void the_due_date_finder_is_linear(String name, String text) {
        within(() -> new DueDateFinder().find(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void the_seed_rule_is_linear(String name, String text) {
        within(() -> new SeedAmountRule().firstMatch(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void the_extractor_reads_a_hostile_body_and_subject_in_linear_time(String name, String text) {
        var message = new ParsedMessage("<id@x>", new MailAddress("billing@acme.example", text), List.of(), text,
                null, text, BodySource.TEXT_PLAIN, List.of(), text.length());

        within(() -> assertThat(new InvoiceExtractor().extract(message)).isNotNull());
    }
}
