package dev.fnbundle.configaudit.difflib;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Python's {@code difflib.unified_diff}: the same lines, and joined, the same bytes as
 * {@code sys.stdout.writelines(unified_diff(a, b, ...))} once encoded as UTF-8.
 *
 * <p>Content lines are emitted as {@code ' '}, {@code '-'} or {@code '+'} followed by the line exactly as given,
 * so a last line without its newline runs into the next output line, as it does in Python.
 */
public final class UnifiedDiff {
    private UnifiedDiff() {
    }

    /**
     * {@code "".join(unified_diff(a, b, fromFile, toFile, n=n))} with a default matcher (autojunk on).
     *
     * @throws IllegalArgumentException if n is negative
     */
    public static String text(List<String> a, List<String> b, String fromFile, String toFile, int n) {
        return String.join("", lines(a, b, SequenceMatcher.of(a, b).groupedOpcodes(n),
                UnifiedDiffHeader.of(fromFile, toFile)));
    }

    /** {@code list(unified_diff(a, b, ...))} with a default matcher (autojunk on). */
    public static List<String> lines(List<String> a, List<String> b, UnifiedDiffHeader header, int n) {
        return lines(a, b, SequenceMatcher.of(a, b).groupedOpcodes(n), header);
    }

    /**
     * Renders already grouped opcodes, so a caller can compute them on one text and print another of the same
     * shape (the auditor diffs real lines and prints masked ones). Empty when there are no groups.
     *
     * @param groups {@link SequenceMatcher#groupedOpcodes(int)} of sequences with the sizes of a and b
     */
    public static List<String> lines(List<String> a, List<String> b, List<List<Opcode>> groups,
                                     UnifiedDiffHeader header) {
        Objects.requireNonNull(header, "header");
        List<String> out = new ArrayList<>();
        if (groups.isEmpty()) {
            return out;
        }
        String fromDate = header.fromFileDate().isEmpty() ? "" : "\t" + header.fromFileDate();
        String toDate = header.toFileDate().isEmpty() ? "" : "\t" + header.toFileDate();
        out.add("--- " + header.fromFile() + fromDate + header.lineterm());
        out.add("+++ " + header.toFile() + toDate + header.lineterm());
        for (List<Opcode> group : groups) {
            Opcode first = group.get(0);
            Opcode last = group.get(group.size() - 1);
            out.add("@@ -" + formatRange(first.i1(), last.i2()) + " +" + formatRange(first.j1(), last.j2())
                    + " @@" + header.lineterm());
            for (Opcode op : group) {
                appendOpcode(out, a, b, op);
            }
        }
        return out;
    }

    private static void appendOpcode(List<String> out, List<String> a, List<String> b, Opcode op) {
        if (op.tag() == OpcodeTag.EQUAL) {
            for (int i = op.i1(); i < op.i2(); i++) {
                out.add(" " + a.get(i));
            }
            return;
        }
        if (op.tag() == OpcodeTag.REPLACE || op.tag() == OpcodeTag.DELETE) {
            for (int i = op.i1(); i < op.i2(); i++) {
                out.add("-" + a.get(i));
            }
        }
        if (op.tag() == OpcodeTag.REPLACE || op.tag() == OpcodeTag.INSERT) {
            for (int j = op.j1(); j < op.j2(); j++) {
                out.add("+" + b.get(j));
            }
        }
    }

    /** Python's {@code _format_range_unified(start, stop)}: {@code "4"}, {@code "4,2"} or {@code "3,0"}. */
    public static String formatRange(int start, int stop) {
        int beginning = start + 1;
        int length = stop - start;
        if (length == 1) {
            return Integer.toString(beginning);
        }
        if (length == 0) {
            beginning -= 1;
        }
        return beginning + "," + length;
    }
}
