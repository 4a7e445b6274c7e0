package dev.fnbundle.configaudit.report;

import dev.fnbundle.configaudit.difflib.Opcode;
import dev.fnbundle.configaudit.difflib.PythonText;
import dev.fnbundle.configaudit.difflib.UnifiedDiff;
import java.util.ArrayList;
import java.util.List;

/** Turns grouped opcodes into side-by-side hunks; a replace pairs its lines in order, extras stand alone. */
public final class SideBySide {
    private SideBySide() {
    }

    /**
     * Builds hunks from {@code SequenceMatcher.groupedOpcodes(n)}. The lines may be masked copies of the lines the
     * opcodes were computed on, as long as they have the same count. O(lines shown).
     */
    public static List<DiffHunk> hunks(List<String> from, List<String> to, List<List<Opcode>> groups) {
        List<DiffHunk> hunks = new ArrayList<>();
        for (List<Opcode> group : groups) {
            Opcode first = group.get(0);
            Opcode last = group.get(group.size() - 1);
            String header = "@@ -" + UnifiedDiff.formatRange(first.i1(), last.i2()) + " +"
                    + UnifiedDiff.formatRange(first.j1(), last.j2()) + " @@";
            List<DiffRow> rows = new ArrayList<>();
            for (Opcode op : group) {
                addRows(rows, from, to, op);
            }
            hunks.add(new DiffHunk(header, rows));
        }
        return hunks;
    }

    /**
     * As {@link #hunks(List, List, List)}, where {@code unifiedDiff} is {@code UnifiedDiff.lines} of the same
     * lines and groups, joined: when the diff holds every row, the hunks are read from it only if something asks
     * for them (an audit's answer and its stored form never do), else they are built now.
     */
    public static List<DiffHunk> hunks(List<String> from, List<String> to, List<List<Opcode>> groups,
                                       String unifiedDiff) {
        return DeferredHunks.holdsRows(from, to, groups) ? new DeferredHunks(unifiedDiff) : hunks(from, to, groups);
    }

    /** {@link List#copyOf}, except that hunks still to be read from their diff are kept as they are (immutable). */
    public static List<DiffHunk> copyOf(List<DiffHunk> hunks) {
        return hunks instanceof DeferredHunks ? hunks : List.copyOf(hunks);
    }

    private static void addRows(List<DiffRow> rows, List<String> from, List<String> to, Opcode op) {
        int span = Math.max(op.i2() - op.i1(), op.j2() - op.j1());
        for (int k = 0; k < span; k++) {
            int i = op.i1() + k;
            int j = op.j1() + k;
            boolean hasFrom = i < op.i2();
            boolean hasTo = j < op.j2();
            DiffRowKind kind = switch (op.tag()) {
                case EQUAL -> DiffRowKind.CONTEXT;
                case REPLACE -> hasFrom && hasTo ? DiffRowKind.CHANGED : hasFrom ? DiffRowKind.REMOVED
                        : DiffRowKind.ADDED;
                case DELETE -> DiffRowKind.REMOVED;
                case INSERT -> DiffRowKind.ADDED;
            };
            rows.add(new DiffRow(kind, hasFrom ? i + 1 : 0, hasFrom ? chomp(from.get(i)) : "",
                    hasTo ? j + 1 : 0, hasTo ? chomp(to.get(j)) : ""));
        }
    }

    /** The line without its terminator ({@code \r\n} or any single splitlines break). */
    static String chomp(String line) {
        if (line.endsWith("\r\n")) {
            return line.substring(0, line.length() - 2);
        }
        if (!line.isEmpty() && PythonText.isLineBreak(line.charAt(line.length() - 1))) {
            return line.substring(0, line.length() - 1);
        }
        return line;
    }
}
