package dev.fnbundle.rss.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: feed dates. {@link FeedDateParser#parse} never throws: any text is a date or null (unparseable,
 * a warning), in time linear in its length.
 */
class FeedDateParserFuzzTest {
    @FuzzTest
    void any_text_is_a_date_or_null(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> FeedDateParser.parse(text));
    }
}
