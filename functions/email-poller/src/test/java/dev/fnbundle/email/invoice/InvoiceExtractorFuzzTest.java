package dev.fnbundle.email.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import dev.fnbundle.email.mime.BodySource;
import dev.fnbundle.email.mime.MailAddress;
import dev.fnbundle.email.mime.ParsedMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Fuzz target: the invoice finders (amount, number, due date, vendor) on text straight from the fuzzer, without
 * MIME in between. {@link InvoiceExtractor#extract} never throws and never returns null; an amount it finds is a
 * plain decimal. The text is {@code subject NUL display-name NUL address NUL body}.
 */
class InvoiceExtractorFuzzTest {
    private static final InvoiceExtractor EXTRACTOR = new InvoiceExtractor();

    @FuzzTest
    void any_text_extracts_to_fields_without_throwing(byte[] data) {
        String[] parts = new String(data, StandardCharsets.UTF_8).split("\u0000", 4);
        String subject = parts[0];
        String name = parts.length > 1 ? parts[1] : null;
        String address = parts.length > 2 ? parts[2] : "";
        String body = parts.length > 3 ? parts[3] : "";
        ParsedMessage message = new ParsedMessage("<fuzz@example.com>", new MailAddress(address, name), List.of(),
                subject, Instant.EPOCH, body, BodySource.TEXT_PLAIN, List.of(), data.length);
        InvoiceFields fields = CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> EXTRACTOR.extract(message));
        assertThat(fields).isNotNull();
        if (fields.amount() != null) {
            assertThat(fields.amount()).matches("-?[0-9]+(\\.[0-9]+)?");
        }
    }
}
