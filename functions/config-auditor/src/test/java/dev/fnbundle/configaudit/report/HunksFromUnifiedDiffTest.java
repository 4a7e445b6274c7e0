package dev.fnbundle.configaudit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.configaudit.difflib.DiffCaseGenerator;
import dev.fnbundle.configaudit.difflib.Opcode;
import dev.fnbundle.configaudit.difflib.PythonText;
import dev.fnbundle.configaudit.difflib.SequenceMatcher;
import dev.fnbundle.configaudit.difflib.UnifiedDiff;
import dev.fnbundle.configaudit.difflib.UnifiedDiffHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

class HunksFromUnifiedDiffTest {
    private static final UnifiedDiffHeader HEADER = UnifiedDiffHeader.of("baseline/app.ini", "current/app.ini");

    /** The hunks and the unified diff of two texts, rendered from one matcher as the auditor does. */
    private record Rendered(List<DiffHunk> hunks, String diff) {
        static Rendered of(List<String> from, List<String> to, int context) {
            List<List<Opcode>> groups = SequenceMatcher.of(from, to).groupedOpcodes(context);
            return new Rendered(SideBySide.hunks(from, to, groups),
                    String.join("", UnifiedDiff.lines(from, to, groups, HEADER)));
        }
    }

    @Test
    void whenever_the_check_says_the_diff_rebuilds_the_hunks_reading_it_gives_them_back_equal() {
        DiffCaseGenerator generator = new DiffCaseGenerator(20261207L);
        int rebuilt = 0;
        int refused = 0;
        for (int i = 0; i < 3_000; i++) {
            List<String> bare = generator.configLines(generator.nextInt(60), generator.coin());
            List<String> from = lines(generator, bare, i % 3 == 0);
            List<String> to = lines(generator, generator.mutate(bare, 0.1), i % 3 == 0);
            int context = generator.nextInt(5);
            Rendered rendered = Rendered.of(from, to, context);
            List<List<Opcode>> groups = SequenceMatcher.of(from, to).groupedOpcodes(context);
            List<DiffHunk> deferred = SideBySide.hunks(from, to, groups, rendered.diff());
            assertThat(deferred).isEqualTo(rendered.hunks());
            if (deferred instanceof DeferredHunks) {
                assertThat(HunksFromUnifiedDiff.rebuilds(rendered.diff(), rendered.hunks())).isTrue();
            }
            if (HunksFromUnifiedDiff.rebuilds(rendered.diff(), rendered.hunks())) {
                assertThat(deferred).as("deferred whenever the diff holds the rows").isInstanceOf(
                        DeferredHunks.class);
                assertThat(HunksFromUnifiedDiff.read(rendered.diff())).isEqualTo(rendered.hunks());
                rebuilt++;
            } else {
                assertThat(readOrNull(rendered.diff())).isNotEqualTo(rendered.hunks());
                assertThat(unterminatedLast(from) || unterminatedLast(to)).as("only reason to refuse here").isTrue();
                refused++;
            }
        }
        assertThat(rebuilt).as("cases read back").isGreaterThan(1_500);
        assertThat(refused).as("cases refused (a last line without terminator shown)").isPositive();
    }

    @Test
    void a_shown_last_line_without_terminator_runs_into_the_next_diff_line_so_the_check_refuses_it() {
        Rendered rendered = Rendered.of(List.of("a\n", "b"), List.of("a\n", "c"), 3);

        assertThat(rendered.diff()).contains("-b+c");
        assertThat(HunksFromUnifiedDiff.rebuilds(rendered.diff(), rendered.hunks())).isFalse();
    }

    @Test
    void a_context_line_shown_differently_on_the_two_sides_is_refused_and_its_hunks_are_built_at_once() {
        List<String> from = List.of("[db]\n", "password = ******\n", "x = 1\n");
        List<String> to = List.of("[db]\n", "password = hunter2\n", "x = 2\n");
        List<List<Opcode>> groups = SequenceMatcher.of(List.of("[db]\n", "p\n", "x = 1\n"),
                List.of("[db]\n", "p\n", "x = 2\n")).groupedOpcodes(3);
        List<DiffHunk> hunks = SideBySide.hunks(from, to, groups);
        String diff = String.join("", UnifiedDiff.lines(from, to, groups, HEADER));

        assertThat(HunksFromUnifiedDiff.rebuilds(diff, hunks)).isFalse();
        assertThat(SideBySide.hunks(from, to, groups, diff)).isNotInstanceOf(DeferredHunks.class).isEqualTo(hunks);
    }

    @Test
    void deferred_hunks_are_read_back_from_their_own_diff_and_kept_uncopied_by_a_report() {
        List<String> from = List.of("a\n", "b\n", "c\n");
        List<String> to = List.of("a\n", "B\n", "c\n");
        List<List<Opcode>> groups = SequenceMatcher.of(from, to).groupedOpcodes(3);
        String diff = String.join("", UnifiedDiff.lines(from, to, groups, HEADER));
        List<DiffHunk> deferred = SideBySide.hunks(from, to, groups, diff);

        assertThat(SideBySide.copyOf(deferred)).isSameAs(deferred);
        assertThat(HunksFromUnifiedDiff.readBack(deferred, diff)).isTrue();
        assertThat(HunksFromUnifiedDiff.readBack(deferred, new String(diff))).as("another diff: checked").isTrue();
        assertThat(deferred).isEqualTo(SideBySide.hunks(from, to, groups));
    }

    @Test
    void rows_pair_a_replacement_in_order_and_number_lines_from_the_hunk_header() {
        Rendered rendered = Rendered.of(List.of("k\n", "a\n", "b\n", "c\n", "z\n"), List.of("k\n", "A\n", "z\n",
                "new\n"), 1);

        assertThat(HunksFromUnifiedDiff.rebuilds(rendered.diff(), rendered.hunks())).isTrue();
        assertThat(HunksFromUnifiedDiff.read(rendered.diff())).isEqualTo(rendered.hunks());
        assertThat(rendered.hunks().get(0).rows()).extracting(DiffRow::kind).containsExactly(DiffRowKind.CONTEXT,
                DiffRowKind.CHANGED, DiffRowKind.REMOVED, DiffRowKind.REMOVED, DiffRowKind.CONTEXT,
                DiffRowKind.ADDED);
    }

    @Test
    void no_differences_are_no_diff_and_no_hunks() {
        Rendered rendered = Rendered.of(List.of("a\n"), List.of("a\n"), 3);

        assertThat(rendered.diff()).isEmpty();
        assertThat(HunksFromUnifiedDiff.rebuilds("", List.of())).isTrue();
        assertThat(HunksFromUnifiedDiff.read("")).isEmpty();
    }

    @Test
    void text_that_is_not_a_unified_diff_is_refused() {
        assertThatThrownBy(() -> HunksFromUnifiedDiff.read("--- a\n+++ b\n@@ -1 +1 @@\n")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> HunksFromUnifiedDiff.read("hello\n")).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean unterminatedLast(List<String> lines) {
        return !lines.isEmpty() && SideBySide.chomp(lines.get(lines.size() - 1)).equals(lines.get(lines.size() - 1));
    }

    private static List<DiffHunk> readOrNull(String diff) {
        try {
            return HunksFromUnifiedDiff.read(diff);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The lines, terminated as a text joined with odd endings (or plain ones) and split as Python does. */
    private static List<String> lines(DiffCaseGenerator generator, List<String> bare, boolean oddEndings) {
        return PythonText.splitLinesKeepEnds(generator.join(bare, oddEndings));
    }
}
