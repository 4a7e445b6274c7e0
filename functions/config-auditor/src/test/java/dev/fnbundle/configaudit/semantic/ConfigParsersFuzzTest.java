package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import dev.fnbundle.configaudit.secrets.TextSpan;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: the INI, properties, YAML, JSON and nginx readers and format detection. A reader returns entries
 * or throws {@link ConfigParseException} (a 422, or a warning for a guessed format), never anything else (a 500,
 * or a stack overflow); its secret spans lie inside the text; detection never throws. The first byte picks the
 * format.
 */
class ConfigParsersFuzzTest {
    private static final ConfigFormat[] FORMATS = ConfigFormat.values();

    @FuzzTest
    void a_document_parses_or_is_a_parse_error(byte[] data) {
        if (data.length == 0) {
            return;
        }
        ConfigFormat format = FORMATS[Byte.toUnsignedInt(data[0]) % FORMATS.length];
        String text = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
        assertThat(CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> FormatDetector.detect(text))).isNotNull();
        ParsedConfig parsed;
        try {
            parsed = CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> format.parser().read(text));
        } catch (ConfigParseException expected) {
            assertThat(expected.format()).isEqualTo(format);
            return;
        }
        for (TextSpan span : parsed.secretSpans()) {
            assertThat(span.end()).isLessThanOrEqualTo(text.length());
        }
        parsed.entries().forEach((path, entry) -> {
            assertThat(entry.path()).isEqualTo(path);
            assertThat(entry.value()).isNotNull();
        });
    }
}
