package dev.fnbundle.configaudit.difflib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** splitlines(keepends=True), isspace() and strip() with Python 3.11's character classes. */
class PythonTextTest {

    @Test
    void splitlines_breaks_on_every_python_line_boundary_and_keeps_them() {
        // given
        String text = "a\nb\r\nc\rd\u000be\u000cf\u001cg\u001dh\u001ei\u0085j\u2028k\u2029l";
        // when / then
        assertThat(PythonText.splitLinesKeepEnds(text)).containsExactly("a\n", "b\r\n", "c\r", "d\u000b", "e\u000c",
                "f\u001c", "g\u001d", "h\u001e", "i\u0085", "j\u2028", "k\u2029", "l");
        assertThat(PythonText.splitLinesKeepEnds("")).isEmpty();
        assertThat(PythonText.splitLinesKeepEnds("\n\n")).containsExactly("\n", "\n");
        assertThat(PythonText.splitLinesKeepEnds("x\u001fy")).containsExactly("x\u001fy");
    }

    @Test
    void split_lines_are_a_view_of_the_text_with_each_line_s_bounds() {
        // given
        String text = "a\r\nbb\u2028\nlast";
        // when
        TextLines lines = PythonText.splitLinesKeepEnds(text);
        // then
        assertThat(lines).containsExactly("a\r\n", "bb\u2028", "\n", "last");
        assertThat(lines.text()).isSameAs(text);
        assertThat(lines.start(1)).isEqualTo(3);
        assertThat(lines.end(1)).isEqualTo(6);
        assertThat(lines.end(3)).isEqualTo(text.length());
        assertThatThrownBy(() -> lines.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void strip_uses_python_whitespace_not_java_whitespace() {
        // given: U+00A0 and U+202F are spaces to Python but not to Character.isWhitespace; U+200B is neither
        String text = "\u00a0\u202f\u001f key = v \u3000\n";
        // when / then
        assertThat(PythonText.strip(text)).isEqualTo("key = v");
        assertThat(PythonText.strip("\u200bx\u200b")).isEqualTo("\u200bx\u200b");
        assertThat(PythonText.isSpace(0x1680)).isTrue();
        assertThat(PythonText.isSpace(0x180e)).isFalse();
    }
}
