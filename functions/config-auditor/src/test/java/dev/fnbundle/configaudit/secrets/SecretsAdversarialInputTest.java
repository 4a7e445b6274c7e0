package dev.fnbundle.configaudit.secrets;

import static dev.fnbundle.configaudit.testing.Timing.finishesInLinearTime;
import static dev.fnbundle.configaudit.testing.Timing.megabyteOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.configaudit.difflib.PythonText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 item 1: every scanner of the masking layer reads 1 MB of the worst input we could build in linear time.
 * The URL-password pattern these replace took 10 s on a 40 000-character line; the quoted-value pattern overflowed
 * the stack on a 4096-bit PEM.
 */
class SecretsAdversarialInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "a://", "x://u:", "x://u:@", "ftp://a:b@", "a://b:c/d@", "://:", "h://u:p@@"})
    void url_passwords_are_found_in_linear_time_on_a_megabyte_of_any_repeated_shape(String unit) {
        // given: long runs of scheme characters (what made the old pattern quadratic), and URLs packed edge to edge
        String text = megabyteOf(unit) + "://";
        // when / then
        finishesInLinearTime(() -> SecretPolicy.maskUrlPasswords(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"privateKey\": \"x", "password=", "password ", "\"password\":", "\"", "'", "\\\"",
            "\"token\": [", "{\"secret\": {", "'a''", "\"password\"=\"x\" ", "pass\\u0077ord: ", "- ", ": |",
            "token: \"", "a\\"})
    void the_line_masker_reads_a_megabyte_line_of_any_repeated_shape_in_linear_time(String unit) {
        // given
        List<String> lines = List.of("password: \"" + megabyteOf(unit) + "\n", megabyteOf(unit) + "\n",
                "key: " + megabyteOf(unit));
        // when
        List<String> masked = finishesInLinearTime(() -> LineMasker.maskLines(lines));
        // then
        assertThat(masked).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "password:\n", "token: |\n  x\n", "\"k\": [\n", "- a\n", "key = a\\\n"})
    void the_line_masker_reads_a_megabyte_of_short_lines_in_linear_time(String unit) {
        List<String> lines = PythonText.splitLinesKeepEnds("password:\n" + megabyteOf(unit));

        assertThat(finishesInLinearTime(() -> LineMasker.maskLines(lines))).hasSameSizeAs(lines);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "ab", "\\u0061", "%61", "''", "\\\\", "%C3%A9", "abcdefghijklmnop"})
    void the_redactor_searches_a_megabyte_line_for_a_megabyte_of_secrets_in_linear_time(String unit) {
        // given: secrets of every searched length made of the same characters as the line, so every window of
        //        the line passes the prefix filter and is looked up at every length
        List<String> secrets = new ArrayList<>();
        for (int length = SecretRedactor.MIN_LENGTH; length <= 64; length++) {
            secrets.add("a".repeat(length));
            secrets.add(unit.repeat(length).substring(0, length));
        }
        secrets.add(megabyteOf("a"));
        SecretRedactor redactor = SecretRedactor.of(secrets);
        String line = megabyteOf(unit);
        // when
        String redacted = finishesInLinearTime(() -> redactor.redact(line));
        // then
        assertThat(redacted).doesNotContain("aaaaaa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password: |\n", "x\n", "  y\n"})
    void a_megabyte_document_is_masked_in_linear_time_with_spans_on_every_line(String unit) {
        // given: one secret span covering the whole document, and one per character
        String text = megabyteOf(unit);
        List<String> lines = PythonText.splitLinesKeepEnds(text);
        List<TextSpan> spans = new ArrayList<>(List.of(new TextSpan(0, text.length())));
        for (int i = 0; i < text.length(); i += 7) {
            spans.add(new TextSpan(i, i + 1));
        }
        // when
        List<String> masked = finishesInLinearTime(() -> {
            List<String> document = MaskedDocument.of(lines, spans, SecretRedactor.of(List.of("secret-value")));
            return new ArrayList<>(document);
        });
        // then
        assertThat(masked).hasSameSizeAs(lines);
    }
}
