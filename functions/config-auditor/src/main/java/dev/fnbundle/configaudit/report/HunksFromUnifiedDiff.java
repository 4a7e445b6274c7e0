package dev.fnbundle.configaudit.report;

import dev.fnbundle.configaudit.difflib.PythonText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Side-by-side hunks read back from the unified diff they were rendered next to. Both come from the same grouped
 * opcodes and masked lines, so the diff holds every row: a {@code ' '} line is a context row, a run of {@code '-'}
 * lines and the {@code '+'} lines after it pair up as changed rows (extras removed or added), and each
 * {@code @@ -a,b +c,d @@} header gives the first line numbers. A stored report can then leave its hunks out (they
 * were two thirds of its JSON, every line in them a second and third time).
 *
 * <p>Not every report's hunks can be read back: a last line without its terminator runs into the next diff line,
 * and a context line masked differently on the two sides shows one text in the diff. {@link #rebuilds} says
 * whether {@link #read} gives the hunks back exactly, by running the same walk and comparing instead of copying.
 * Both are O(diff length); thread-safe (no state).
 */
public final class HunksFromUnifiedDiff {
    private HunksFromUnifiedDiff() {
    }

    /**
     * True when {@link #read}{@code (unifiedDiff)} gives {@code hunks}, and there are some: hunks still to be read
     * from this very diff ({@link SideBySide#hunks(List, List, List, String)}) are known to, others are checked.
     */
    public static boolean readBack(List<DiffHunk> hunks, String unifiedDiff) {
        if (hunks instanceof DeferredHunks deferred && deferred.unifiedDiff() == unifiedDiff) {
            return !unifiedDiff.isEmpty();
        }
        return !hunks.isEmpty() && rebuilds(unifiedDiff, hunks);
    }

    /** True when {@link #read}{@code (unifiedDiff)} equals {@code hunks}; allocates nothing per row. */
    public static boolean rebuilds(String unifiedDiff, List<DiffHunk> hunks) {
        var check = new Check(unifiedDiff, hunks);
        return new Walk(unifiedDiff, check).run() && check.complete();
    }

    /**
     * The hunks of {@code unifiedDiff} (as {@link SideBySide#hunks} built them next to it, when {@link #rebuilds}
     * said so).
     *
     * @throws IllegalArgumentException when {@code unifiedDiff} is not a unified diff's text
     */
    public static List<DiffHunk> read(String unifiedDiff) {
        var build = new Build(unifiedDiff);
        if (!new Walk(unifiedDiff, build).run()) {
            throw new IllegalArgumentException("not a unified diff");
        }
        build.flush();
        return build.hunks;
    }

    /** What the walk reports: texts are {@code [start, end)} ranges of the diff. */
    private interface Rows {
        boolean hunk(int start, int end);

        boolean row(DiffRowKind kind, int fromLine, int fromStart, int fromEnd, int toLine, int toStart, int toEnd);
    }

    /** Walks the diff's lines: the two file lines, then per hunk its header and as many lines as it counts. */
    private static final class Walk {
        private final String diff;
        private final Rows rows;
        private int at;
        /** The pending run of '-' lines' text ranges, paired with the '+' lines after it. */
        private int[] removed = new int[16];

        Walk(String diff, Rows rows) {
            this.diff = diff;
            this.rows = rows;
        }

        boolean run() {
            if (diff.isEmpty()) {
                return true;
            }
            if (!diff.startsWith("--- ") || skipLine() < 0 || !diff.startsWith("+++ ", at) || skipLine() < 0) {
                return false;
            }
            while (at < diff.length()) {
                if (!hunk()) {
                    return false;
                }
            }
            return true;
        }

        private boolean hunk() {
            int start = at;
            if (!diff.startsWith("@@ -", at)) {
                return false;
            }
            int end = skipLine();
            if (end < 0 || !diff.startsWith(" @@", end - 3)) {
                return false;
            }
            int[] range = new int[4];
            if (!ranges(start + 4, end - 3, range) || !rows.hunk(start, end)) {
                return false;
            }
            return lines(range[0], range[1], range[2], range[3]);
        }

        /** The hunk's lines: {@code fromLeft} baseline and {@code toLeft} current lines, in diff order. */
        private boolean lines(int fromLine, int fromLeft, int toLine, int toLeft) {
            int f = fromLine;
            int t = toLine;
            int fromCount = fromLeft;
            int toCount = toLeft;
            while (fromCount > 0 || toCount > 0) {
                if (at >= diff.length()) {
                    return false;
                }
                char prefix = diff.charAt(at);
                if (prefix == ' ') {
                    int textStart = at + 1;
                    int textEnd = skipLine();
                    if (textEnd < 0 || fromCount == 0 || toCount == 0
                            || !rows.row(DiffRowKind.CONTEXT, f++, textStart, textEnd, t++, textStart, textEnd)) {
                        return false;
                    }
                    fromCount--;
                    toCount--;
                } else if (prefix == '-' || prefix == '+') {
                    int pairs = change(f, fromCount, t, toCount);
                    if (pairs < 0) {
                        return false;
                    }
                    int removedLines = pairs >>> 16;
                    int addedLines = pairs & 0xFFFF;
                    f += removedLines;
                    t += addedLines;
                    fromCount -= removedLines;
                    toCount -= addedLines;
                } else {
                    return false;
                }
            }
            return true;
        }

        /**
         * One change: the '-' lines, then the '+' lines, as rows. Packs how many of each it read (at most
         * 65 535 each), or -1.
         */
        private int change(int f, int fromLeft, int t, int toLeft) {
            int minus = 0;
            while (at < diff.length() && diff.charAt(at) == '-' && minus < fromLeft) {
                int textStart = at + 1;
                int textEnd = skipLine();
                if (textEnd < 0) {
                    return -1;
                }
                if (2 * minus + 2 > removed.length) {
                    removed = Arrays.copyOf(removed, removed.length * 2);
                }
                removed[2 * minus] = textStart;
                removed[2 * minus + 1] = textEnd;
                minus++;
            }
            int plus = 0;
            while (at < diff.length() && diff.charAt(at) == '+' && plus < toLeft) {
                int textStart = at + 1;
                int textEnd = skipLine();
                if (textEnd < 0) {
                    return -1;
                }
                boolean ok = plus < minus
                        ? rows.row(DiffRowKind.CHANGED, f + plus, removed[2 * plus], removed[2 * plus + 1],
                                t + plus, textStart, textEnd)
                        : rows.row(DiffRowKind.ADDED, 0, 0, 0, t + plus, textStart, textEnd);
                if (!ok) {
                    return -1;
                }
                plus++;
            }
            for (int k = plus; k < minus; k++) {
                if (!rows.row(DiffRowKind.REMOVED, f + k, removed[2 * k], removed[2 * k + 1], 0, 0, 0)) {
                    return -1;
                }
            }
            if (minus + plus == 0 || minus > 0xFFFF || plus > 0xFFFF) {
                return -1;
            }
            return minus << 16 | plus;
        }

        /** Moves past the line at {@code at} and its terminator; where its text ends, or -1 when none ends it. */
        private int skipLine() {
            int n = diff.length();
            for (int i = at; i < n; i++) {
                char c = diff.charAt(i);
                // Nearly every character is printable ASCII, which no break is.
                if (c >= ' ' && c < '\u0085') {
                    continue;
                }
                if (PythonText.isLineBreak(c)) {
                    at = c == '\r' && i + 1 < n && diff.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                    return i;
                }
            }
            return -1;
        }

        /** Reads {@code a[,b] +c[,d]} in {@code [from, to)}: first lines (1-based) and counts into {@code out}. */
        private boolean ranges(int from, int to, int[] out) {
            int plus = diff.indexOf(" +", from);
            return plus > 0 && plus < to && range(from, plus, out, 0) && range(plus + 2, to, out, 2);
        }

        private boolean range(int from, int to, int[] out, int slot) {
            int comma = diff.indexOf(',', from);
            boolean counted = comma >= 0 && comma < to;
            long start = number(from, counted ? comma : to);
            long count = counted ? number(comma + 1, to) : 1;
            if (start < 0 || count < 0) {
                return false;
            }
            out[slot] = (int) start;
            out[slot + 1] = (int) count;
            return true;
        }

        private long number(int from, int to) {
            if (from >= to || to - from > 9) {
                return -1;
            }
            long value = 0;
            for (int i = from; i < to; i++) {
                char c = diff.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }

    /** Builds the hunks. */
    private static final class Build implements Rows {
        private final String diff;
        private final List<DiffHunk> hunks = new ArrayList<>();
        private String header;
        private List<DiffRow> rows;

        Build(String diff) {
            this.diff = diff;
        }

        @Override
        public boolean hunk(int start, int end) {
            flush();
            header = diff.substring(start, end);
            rows = new ArrayList<>();
            return true;
        }

        @Override
        public boolean row(DiffRowKind kind, int fromLine, int fromStart, int fromEnd, int toLine, int toStart,
                           int toEnd) {
            String from = diff.substring(fromStart, fromEnd);
            String to = toStart == fromStart && toEnd == fromEnd ? from : diff.substring(toStart, toEnd);
            rows.add(new DiffRow(kind, fromLine, from, toLine, to));
            return true;
        }

        private void flush() {
            if (header != null) {
                hunks.add(new DiffHunk(header, rows));
            }
        }
    }

    /** Compares what the walk finds with the given hunks, row by row. */
    private static final class Check implements Rows {
        private final String diff;
        private final List<DiffHunk> hunks;
        /** Hunks begun so far; the current one is {@code hunk - 1}. */
        private int hunk;
        private int row;

        Check(String diff, List<DiffHunk> hunks) {
            this.diff = diff;
            this.hunks = hunks;
        }

        @Override
        public boolean hunk(int start, int end) {
            if (hunk > 0 && row != hunks.get(hunk - 1).rows().size() || hunk >= hunks.size()) {
                return false;
            }
            String header = hunks.get(hunk++).header();
            row = 0;
            return same(header, start, end);
        }

        @Override
        public boolean row(DiffRowKind kind, int fromLine, int fromStart, int fromEnd, int toLine, int toStart,
                           int toEnd) {
            List<DiffRow> expected = hunks.get(hunk - 1).rows();
            if (row >= expected.size()) {
                return false;
            }
            DiffRow r = expected.get(row++);
            return r.kind() == kind && r.fromLine() == fromLine && r.toLine() == toLine
                    && same(r.fromText(), fromStart, fromEnd) && same(r.toText(), toStart, toEnd);
        }

        /** Every hunk begun, and every row of the current one matched. */
        boolean complete() {
            return hunk == hunks.size() && (hunk == 0 || row == hunks.get(hunk - 1).rows().size());
        }

        private boolean same(String text, int start, int end) {
            return text.length() == end - start && diff.regionMatches(start, text, 0, text.length());
        }
    }
}
