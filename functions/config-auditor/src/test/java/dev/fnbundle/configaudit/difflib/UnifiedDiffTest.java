package dev.fnbundle.configaudit.difflib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** unified_diff's doctest, test_difflib's range and header tests, and the no-trailing-newline byte layout. */
class UnifiedDiffTest {

    @Test
    void doctest_with_dates_and_empty_lineterm() {
        // given
        List<String> a = List.of("one", "two", "three", "four");
        List<String> b = List.of("zero", "one", "tree", "four");
        UnifiedDiffHeader header = new UnifiedDiffHeader("Original", "Current", "2005-01-26 23:30:50",
                "2010-04-02 10:20:52", "");
        // when
        List<String> lines = UnifiedDiff.lines(a, b, header, 3);
        // then
        assertThat(lines).containsExactly("--- Original\t2005-01-26 23:30:50", "+++ Current\t2010-04-02 10:20:52",
                "@@ -1,4 +1,4 @@", "+zero", " one", "-two", "-three", "+tree", " four");
    }

    @Test
    void no_trailing_tab_on_empty_file_date() {
        // when
        List<String> lines = UnifiedDiff.lines(List.of("one"), List.of("two"),
                new UnifiedDiffHeader("Original", "Current", "", "", ""), 3);
        // then
        assertThat(lines.subList(0, 2)).containsExactly("--- Original", "+++ Current");
    }

    @Test
    void range_format_follows_the_posix_spec() {
        assertThat(UnifiedDiff.formatRange(3, 3)).isEqualTo("3,0");
        assertThat(UnifiedDiff.formatRange(3, 4)).isEqualTo("4");
        assertThat(UnifiedDiff.formatRange(3, 5)).isEqualTo("4,2");
        assertThat(UnifiedDiff.formatRange(3, 6)).isEqualTo("4,3");
        assertThat(UnifiedDiff.formatRange(0, 0)).isEqualTo("0,0");
    }

    @Test
    void a_last_line_without_newline_runs_into_the_next_output_line_as_in_python() {
        // given
        List<String> a = PythonText.splitLinesKeepEnds("x\ny");
        List<String> b = PythonText.splitLinesKeepEnds("x\nz\n");
        // when
        String text = UnifiedDiff.text(a, b, "a", "b", 3);
        // then
        assertThat(text).isEqualTo("--- a\n+++ b\n@@ -1,2 +1,2 @@\n x\n-y+z\n");
    }

    @Test
    void seed_quick_example_with_one_line_of_context() {
        // given
        List<String> old = List.of("host = localhost\n", "port = 5432\n", "debug = False\n");
        List<String> neu = List.of("host = db.prod.example.com\n", "port = 5432\n", "debug = False\n",
                "pool_size = 10\n");
        // when
        String text = UnifiedDiff.text(old, neu, "config.old", "config.new", 1);
        // then: one hunk with the insertion, which the tutorial's printed output leaves out
        assertThat(text).isEqualTo("--- config.old\n+++ config.new\n@@ -1,3 +1,4 @@\n-host = localhost\n"
                + "+host = db.prod.example.com\n port = 5432\n debug = False\n+pool_size = 10\n");
    }
}
