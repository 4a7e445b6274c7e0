package dev.fnbundle.email.mime;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import dev.fnbundle.email.invoice.InvoiceExtractor;

/**
 * Fuzz target: MIME parsing of raw message bytes as fetched from IMAP, then invoice extraction. Neither ever
 * throws ({@link ParseOutcome}: "parsing never throws for bad input"; {@link InvoiceExtractor#extract}: never
 * null), so any exception is a finding: one such message would be retried on every poll.
 */
class MessageParserFuzzTest {
    private static final MessageParser PARSER = new MessageParser();
    private static final InvoiceExtractor EXTRACTOR = new InvoiceExtractor();

    @FuzzTest
    void any_message_parses_to_an_outcome_and_extracts_without_throwing(byte[] raw) {
        ParseOutcome outcome = CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> PARSER.parse(raw));
        assertThat(outcome).isNotNull();
        if (outcome instanceof ParseOutcome.Parsed parsed) {
            assertThat(CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> EXTRACTOR.extract(parsed.message()))).isNotNull();
        }
    }
}
