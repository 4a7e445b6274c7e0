package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The INI reader puts each key while reading and reads a document again only when a path repeats; it gives what
 * the two-pass reader before it gave ({@link IniParserBeforeOnePass}): the same leaves in the same order, secret
 * spans and values, or the same parse error at the same place.
 */
class IniParserOnePassTest {
    private static final String[] LINES = {"[s]", "[S.t]", "[secrets]", "[s]  # again", "[]", "[bad", "a = 1",
        "A = 2", "b: x", "password = hunter22", "t.b = 3", "c=", "  continued", "\tmore", "", "; note", "# note",
        "flag", "!include /etc/x", "two words", "= v", "url = https://u:pa55word@h/x", "key = a # b", "Key=Value",
        "db.password: s3cr3t!", "x = \u00e9\u2028y", "  ", "[s.t]", "t = 1", "ExecStart=", "ExecStart=/bin/x"};

    @Test
    void random_documents_read_as_the_two_pass_reader_read_them() {
        Random random = new Random(1717);
        for (int n = 0; n < 5000; n++) {
            String doc = IniReadings.randomDocument(random, LINES, true);
            assertThat(outcome(new IniParser(), doc)).as(doc).isEqualTo(outcome(new IniParserBeforeOnePass(), doc));
        }
    }

    /** Lines without a '.' in any section or key, so that most documents are read in place. */
    private static final String[] PLAIN_LINES = {"[s]", "[S]", "[secrets]", "[s]  # again", "[t]", "a = 1",
        "A = 2", "b: x", "password = hunter22", "c=", "  continued", "\tmore", "", "; note", "flag",
        "!include /etc/x", "url = https://u:pa55word@h/x", "key = a # b", "Key=Value", "Pass\u00e9 = v.1",
        "\u212aey = kelvin", "x = \u00e9\u2028y", "  ", "ExecStart=", "token: https://a:b@c", "v = 1.2.3"};

    @Test
    void random_documents_without_dotted_names_read_in_place_as_the_two_pass_reader_read_them() {
        Random random = new Random(4242);
        for (int n = 0; n < 5000; n++) {
            String doc = IniReadings.randomDocument(random, PLAIN_LINES, false);
            assertThat(outcome(new IniParser(), doc)).as(doc).isEqualTo(outcome(new IniParserBeforeOnePass(), doc));
        }
    }

    @Test
    void keys_that_differ_only_in_case_are_one_repeated_key_when_read_in_place() {
        String doc = "[s]\nName = a\nNAME = b\nname = c\n";

        ParsedConfig parsed = new IniParser().read(doc);

        assertThat(parsed.byPath()).containsOnlyKeys("s.name[0]", "s.name[1]", "s.name[2]");
        assertThat(outcome(new IniParser(), doc)).isEqualTo(outcome(new IniParserBeforeOnePass(), doc));
    }

    @Test
    void keys_crafted_to_share_one_hash_are_read_as_the_two_pass_reader_read_them() {
        // 2^11 keys made of "a~"/"b_" blocks, which have equal String hash codes (97 * 31 + 126 = 98 * 31 + 95).
        StringBuilder text = new StringBuilder("[s]\n");
        for (int k = 0; k < 1 << 11; k++) {
            for (int bit = 0; bit < 11; bit++) {
                text.append((k >> bit & 1) == 0 ? "a~" : "b_");
            }
            text.append(" = ").append(k).append('\n');
        }
        String doc = text.toString();

        ParsedConfig parsed = new IniParser().read(doc);

        assertThat(parsed.byPath()).hasSize(1 << 11);
        assertThat(outcome(new IniParser(), doc)).isEqualTo(outcome(new IniParserBeforeOnePass(), doc));
    }

    @Test
    void a_large_document_with_unique_keys_reads_as_before() {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 500; s++) {
            text.append("[section_").append(s).append("]\n");
            for (int k = 0; k < 19; k++) {
                text.append(k % 7 == 0 ? "Secret_Token" : "option").append('_').append(k).append(" = value-")
                        .append(s * k).append('\n');
            }
        }
        String doc = text.toString();

        assertThat(outcome(new IniParser(), doc)).isEqualTo(outcome(new IniParserBeforeOnePass(), doc));
    }

    @Test
    void a_path_repeated_after_thousands_of_unique_ones_is_counted_from_its_first_occurrence() {
        String doc = "[unit]\nExecStart=/bin/a\nx = v\n" + manyKeys(3000)
                + "[unit]\nExecStart=/bin/b\n";

        ParsedConfig parsed = new IniParser().read(doc);

        assertThat(parsed.byPath()).containsKeys("unit.execstart[0]", "unit.execstart[1]");
        assertThat(outcome(new IniParser(), doc)).isEqualTo(outcome(new IniParserBeforeOnePass(), doc));
    }

    private static String manyKeys(int n) {
        StringBuilder text = new StringBuilder("[many]\n");
        for (int i = 0; i < n; i++) {
            text.append("key").append(i).append(" = ").append(i).append('\n');
        }
        return text.toString();
    }

    private static Object outcome(ConfigParser parser, String text) {
        return IniReadings.outcome(() -> parser.read(text));
    }
}
