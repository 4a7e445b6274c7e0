package dev.fnbundle.configaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.configaudit.difflib.PythonText;
import dev.fnbundle.configaudit.difflib.SequenceMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlSideBySideTest {

    @Test
    void rows_pair_replaced_lines_and_number_both_sides() {
        // given
        List<String> a = PythonText.splitLinesKeepEnds("a\nb\nc\n");
        List<String> b = PythonText.splitLinesKeepEnds("a\nB\nB2\nc\n");
        // when
        List<DiffHunk> hunks = SideBySide.hunks(a, b, SequenceMatcher.of(a, b).groupedOpcodes(1));
        // then
        assertThat(hunks).hasSize(1);
        assertThat(hunks.get(0).header()).isEqualTo("@@ -1,3 +1,4 @@");
        assertThat(hunks.get(0).rows()).containsExactly(new DiffRow(DiffRowKind.CONTEXT, 1, "a", 1, "a"),
                new DiffRow(DiffRowKind.CHANGED, 2, "b", 2, "B"), new DiffRow(DiffRowKind.ADDED, 0, "", 3, "B2"),
                new DiffRow(DiffRowKind.CONTEXT, 3, "c", 4, "c"));
    }

    @Test
    void page_is_escaped_self_contained_and_highlights_changed_characters() {
        // given
        List<String> a = List.of("<script>alert('x')</script>\n", "port = 8080\n");
        List<String> b = List.of("<script>alert('y')</script>\n", "port = 9090\n");
        List<DiffHunk> hunks = SideBySide.hunks(a, b, SequenceMatcher.of(a, b).groupedOpcodes(3));
        // when
        String html = HtmlSideBySide.render("drift <&>", "baseline", "current", hunks);
        // then
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                .contains("<title>drift &lt;&amp;&gt;</title>").contains("&lt;script&gt;alert(&#39;")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
                .contains("port = <span class=\"chg\">9</span>0<span class=\"chg\">9</span>0")
                .contains("<td class=\"n\">2</td>");
    }

    @Test
    void no_hunks_render_a_no_differences_page() {
        assertThat(HtmlSideBySide.render("t", "a", "b", List.of())).contains("No differences.");
    }
}
