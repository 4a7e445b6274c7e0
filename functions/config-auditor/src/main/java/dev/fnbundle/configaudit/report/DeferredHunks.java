package dev.fnbundle.configaudit.report;

import dev.fnbundle.configaudit.difflib.Opcode;
import dev.fnbundle.configaudit.difflib.OpcodeTag;
import dev.fnbundle.configaudit.difflib.PythonText;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Side-by-side hunks read from their unified diff only when first asked for. An audit answered and stored never
 * reads its hunks: the stored form leaves them out when they read back from the diff ({@link HunksFromUnifiedDiff})
 * and the JSON answer has none. Only the HTML page and equality read them.
 *
 * <p>Made only where the diff holds the rows exactly ({@link #holdsRows}); then every read gives what
 * {@link SideBySide#hunks(List, List, List)} gives. Immutable; thread-safe (the rows are read at most a few times
 * under a race, each time the same).
 */
final class DeferredHunks extends AbstractList<DiffHunk> implements RandomAccess {
    /** Longest change a diff's rows are read back for ({@link HunksFromUnifiedDiff} counts them in 16 bits). */
    private static final int MAX_CHANGE = 0xFFFF;

    private final String unifiedDiff;
    private volatile List<DiffHunk> hunks;

    DeferredHunks(String unifiedDiff) {
        this.unifiedDiff = unifiedDiff;
    }

    String unifiedDiff() {
        return unifiedDiff;
    }

    @Override
    public DiffHunk get(int index) {
        return hunks().get(index);
    }

    @Override
    public int size() {
        return hunks().size();
    }

    private List<DiffHunk> hunks() {
        List<DiffHunk> read = hunks;
        if (read == null) {
            read = HunksFromUnifiedDiff.read(unifiedDiff);
            hunks = read;
        }
        return read;
    }

    /**
     * Whether the unified diff rendered from these lines and groups holds every row of their hunks as the rows
     * have it: each shown line ends with its terminator (only a document's last line may lack one, and then it
     * would run into the next diff line), a context row's two sides show the same text (the diff shows the
     * baseline's), and no change is longer than the reader counts. Lines are split as {@code splitlines} splits
     * them, so no shown text holds a line break before its end. Reads the shown lines only; allocates nothing.
     */
    static boolean holdsRows(List<String> from, List<String> to, List<List<Opcode>> groups) {
        for (List<Opcode> group : groups) {
            for (Opcode op : group) {
                if (op.i2() - op.i1() > MAX_CHANGE || op.j2() - op.j1() > MAX_CHANGE
                        || op.i2() == from.size() && op.i2() > op.i1() && unterminated(from.get(op.i2() - 1))) {
                    return false;
                }
                if (op.tag() == OpcodeTag.EQUAL) {
                    for (int k = 0; k < op.i2() - op.i1(); k++) {
                        if (!sameText(from.get(op.i1() + k), to.get(op.j1() + k))) {
                            return false;
                        }
                    }
                } else if (op.j2() == to.size() && op.j2() > op.j1() && unterminated(to.get(op.j2() - 1))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean unterminated(String line) {
        return textLength(line) == line.length();
    }

    /** Whether the two lines read the same without their terminators. */
    private static boolean sameText(String a, String b) {
        int length = textLength(a);
        return length == textLength(b) && a.regionMatches(0, b, 0, length);
    }

    /** The length of {@link SideBySide#chomp}'s result, without making it. */
    private static int textLength(String line) {
        int n = line.length();
        if (line.endsWith("\r\n")) {
            return n - 2;
        }
        return n > 0 && PythonText.isLineBreak(line.charAt(n - 1)) ? n - 1 : n;
    }
}
