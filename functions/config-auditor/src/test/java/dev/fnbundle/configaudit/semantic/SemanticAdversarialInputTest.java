package dev.fnbundle.configaudit.semantic;

import static dev.fnbundle.configaudit.testing.Timing.finishesInLinearTime;
import static dev.fnbundle.configaudit.testing.Timing.megabyteOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 item 1: format detection, the readers, key globs and parser messages read 1 MB of the worst input we
 * could build in linear time. Before, detection's YAML-key pattern, the glob matcher and nginx's {@code ${}
 * search were quadratic.
 */
class SemanticAdversarialInputTest {

    @ParameterizedTest
    @ValueSource(strings = {": a", ":", "a", "=", "[", "[a", "- ", "a:b", ": \u2028", "{", "\"", "'", "a=b:",
            ": a\u0085"})
    void format_detection_reads_a_megabyte_line_in_linear_time(String unit) {
        // given: the old YAML-key pattern retried ".*" at every ": " when a line terminator followed near the end
        String text = "k" + megabyteOf(unit) + "\u2028x";
        // when / then
        assertThat(finishesInLinearTime(() -> FormatDetector.detect(text))).isNotNull();
        assertThat(finishesInLinearTime(() -> FormatDetector.detect(megabyteOf(unit + "\n")))).isNotNull();
    }

    @Test
    void the_yaml_key_scanner_matches_exactly_what_the_pattern_it_replaced_matched() {
        // given: the old expression, harmless on short lines
        Pattern old = Pattern.compile("(- +)?[^=\\s#][^=]*?:( .*)?");
        Random random = new Random(13);
        String alphabet = "ab :=#-\t\u2028\u0085\r";
        for (int round = 0; round < 200_000; round++) {
            StringBuilder line = new StringBuilder();
            for (int i = random.nextInt(9); i > 0; i--) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = line.toString();
            // then
            assertThat(FormatDetector.isYamlKey(s)).as("%s", s.replace("\u2028", "<LS>").replace("\u0085", "<NEL>")
                    .replace("\r", "<CR>")).isEqualTo(old.matcher(s).matches());
        }
    }

    @ParameterizedTest
    @EnumSource(ConfigFormat.class)
    void every_reader_finishes_a_megabyte_of_repeated_syntax_in_linear_time(ConfigFormat format) {
        // One shape per kind of token each reader scans: brackets, quotes, escapes, comments, continuations,
        // repeated keys and sections, anchors, variables, directives.
        for (String unit : List.of("[", "\"", "\\", "a = b\n", "[s]\n", "x\n  y\n", "a\\\n", "#", "&a [*a]\n",
                "\"\\u0041", "a${", "k v;\n")) {
            String text = megabyteOf(unit);
            // when / then: a parse error is a fine answer; taking minutes is not
            finishesInLinearTime(() -> {
                try {
                    return format.parser().read(text);
                } catch (ConfigParseException e) {
                    return null;
                }
            });
        }
    }

    @Test
    void nginx_reads_a_megabyte_of_unclosed_variables_in_linear_time() {
        // given: each "${" used to search the rest of the text for a '}'
        String flat = megabyteOf("a${b} ") + ";";
        String nested = megabyteOf("a${");
        // when
        var entries = finishesInLinearTime(() -> new NginxParser().parse(flat));
        // then: closed variables stay inside their words; unclosed ones end the word at the brace, which then opens
        //       blocks that are refused at their depth limit
        assertThat(entries).hasSize(1);
        finishesInLinearTime(() -> {
            try {
                return new NginxParser().parse(nested);
            } catch (ConfigParseException e) {
                return null;
            }
        });
    }

    @Test
    void a_glob_matches_a_megabyte_key_in_linear_time_whatever_its_stars_and_question_marks() {
        // given: the backtracking matcher retried the whole tail of the pattern after each star position
        String key = megabyteOf("a");
        List<String> globs = List.of("*" + "a".repeat(255) + "b", "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b",
                "*" + "?".repeat(200) + "b*", "*" + "a?".repeat(127) + "*b", "a*" + "a".repeat(250) + "*a");
        for (String glob : globs) {
            // when / then
            finishesInLinearTime(() -> KeyGlob.of(glob).matches(key));
        }
    }

    @Test
    void key_drift_with_a_hundred_long_critical_patterns_over_megabyte_keys_finishes_in_linear_time() {
        // given: changed keys of 1 MB and the most critical patterns a request may carry
        String longKey = megabyteOf("k");
        var before = new java.util.TreeMap<String, ConfigEntry>();
        var after = new java.util.TreeMap<String, ConfigEntry>();
        before.put(longKey, new ConfigEntry(longKey, "k", "1", false));
        after.put(longKey, new ConfigEntry(longKey, "k", "2", false));
        List<KeyGlob> critical = Collections.nCopies(100, KeyGlob.of("*" + "k".repeat(254) + "x"));
        // when
        KeyDrift drift = finishesInLinearTime(() -> KeyDriftAnalyzer.compare(before, after, critical));
        // then
        assertThat(drift.changedKeys()).hasSize(1);
        assertThat(drift.criticalKeys()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"'", "\"", "'a", "\"a", "'\"", "\\'"})
    void parser_messages_are_redacted_in_linear_time(String unit) {
        String message = megabyteOf(unit);

        assertThat(finishesInLinearTime(() -> SafeMessages.redact(message)).length()).isLessThanOrEqualTo(161);
    }
}
