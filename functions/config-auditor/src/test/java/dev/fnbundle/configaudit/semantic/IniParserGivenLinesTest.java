package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.configaudit.difflib.TextLines;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The INI reader given a text's lines as the audit already cut them ({@link IniParser#read(TextLines)}) reads what
 * it reads from the text alone: the same leaves, secret spans and values, or the same error at the same line.
 */
class IniParserGivenLinesTest {
    private static final String[] LINES = {"[s]", "[t]", "[secrets]", "[bad", "a = 1", "A = 2", "b: x",
        "password = hunter22", "t.b = 3", "c=", "  continued", "\tmore", "", "; note", "flag", "two words", "= v",
        "url = https://u:pa55word@h/x", "x = \u00e9", "v = a\u000bb", "w = a\fb", "  ", "ExecStart=", "\u001b[0m = e"};

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\n\n", "a = 1", "a = 1\n", "[s]\na = 1\n\n", "[s]\r\na = 1\r\n", "a = 1\rb = 2",
        "[bad\n", "a = 1\n  b\n\n  c\n", "two words\n", "a = 1\na = 2\n", "a = x\u000by\n", "a = \u00e9\n"})
    void a_document_reads_the_same_from_its_lines(String doc) {
        assertThat(outcome(() -> new IniParser().read(TextLines.of(doc))))
                .isEqualTo(outcome(() -> new IniParser().read(doc)));
    }

    @Test
    void random_documents_read_the_same_from_their_lines() {
        Random random = new Random(2026_12_07);
        for (int n = 0; n < 5000; n++) {
            String doc = IniReadings.randomDocument(random, LINES, true);
            assertThat(outcome(() -> new IniParser().read(TextLines.of(doc)))).as(doc)
                    .isEqualTo(outcome(() -> new IniParser().read(doc)));
        }
    }

    private static Object outcome(Supplier<ParsedConfig> read) {
        return IniReadings.outcome(read);
    }
}
