package dev.fnbundle.local.webconsole;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fuzz target: the browser console's form and query decoding ({@code application/x-www-form-urlencoded}, read
 * from whatever a page posts to the console). {@link ConsoleExchange#decode} never throws (a broken escape drops
 * its pair), costs bounded time, and never produces more text than it was given: decoding only shrinks, and a
 * repeated name's values are joined by one newline where the form had at least an {@code &}.
 */
class ConsoleFormFuzzTest {
    @FuzzTest
    void a_form_decodes_without_an_exception_and_without_growing(byte[] data) {
        String raw = new String(data, StandardCharsets.UTF_8);
        Map<String, String> values = CpuBudget.call(CpuBudget.FUZZ_INPUT,
                () -> ConsoleExchange.decode(raw, Integer.MAX_VALUE));
        long decoded = values.entrySet().stream().mapToLong(e -> e.getKey().length() + e.getValue().length()).sum();
        assertThat(decoded).isLessThanOrEqualTo(raw.length());
    }
}
