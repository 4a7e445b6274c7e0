package dev.fnbundle.configaudit.difflib;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cutting plain ASCII eight bytes at a time gives Python's lines, and gives up on anything else. */
class AsciiLinesTest {

    @Test
    void a_plain_text_is_cut_into_python_lines_and_keeps_its_bytes() {
        Random random = new Random(7);
        String alphabet = "ab =\t?\u001b\n\n";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(70); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            AsciiLines.Cut cut = AsciiLines.cut(s);
            assertThat(cut).as(s).isNotNull();
            assertThat(lines(s, cut)).as(s).isEqualTo(PythonText.splitLinesKeepEnds(s));
            assertThat(cut.bytes()).isEqualTo(s.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(TextLines.of(s).isPlainAscii()).isTrue();
        }
    }

    @Test
    void any_character_beyond_plain_ascii_anywhere_gives_up() {
        String plain = "[section]\nkey = value?x\n".repeat(3);
        for (char odd : new char[] {'\r', '\u000b', '\f', '\u001c', '\u001d', '\u001e', '\u0000', '\u007f' - 1,
            '\u0085', '\u00e9', '\u2028', '\u20ac', '\ud800', '\ude00'}) {
            for (int at = 0; at <= plain.length(); at++) {
                String s = plain.substring(0, at) + odd + plain.substring(at);
                boolean plainAscii = odd == '\u007f' - 1;
                assertThat(AsciiLines.cut(s) != null).as("%04x at %d", (int) odd, at).isEqualTo(plainAscii);
                assertThat(TextLines.of(s)).as("%04x at %d", (int) odd, at)
                        .containsExactlyElementsOf(PythonText.splitLinesKeepEnds(s));
            }
        }
    }

    @Test
    void a_character_copied_as_a_question_mark_is_not_taken_for_one() {
        assertThat(AsciiLines.cut("option = a\u20acb\n")).isNull();
        assertThat(AsciiLines.cut("option = a?b\n")).isNotNull();
        assertThat(AsciiLines.cut("k = \ud83d\ude00\n")).isNull();
        assertThat(AsciiLines.cut("k = \ud83d\ude00 and more than eight characters\n")).isNull();
        assertThat(TextLines.of("k = \ud83d\ude00 and more than eight characters\n")).containsExactly(
                "k = \ud83d\ude00 and more than eight characters\n");
    }

    private static List<String> lines(String s, AsciiLines.Cut cut) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cut.size(); i++) {
            out.add(s.substring(cut.starts()[i], cut.starts()[i + 1]));
        }
        return out;
    }
}
