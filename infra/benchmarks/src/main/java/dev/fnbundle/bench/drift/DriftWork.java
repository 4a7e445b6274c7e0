package dev.fnbundle.bench.drift;

import dev.fnbundle.configaudit.difflib.Opcode;
import dev.fnbundle.configaudit.difflib.PythonText;
import dev.fnbundle.configaudit.difflib.SequenceMatcher;
import dev.fnbundle.configaudit.difflib.TextLines;
import dev.fnbundle.configaudit.difflib.UnifiedDiff;
import dev.fnbundle.configaudit.difflib.UnifiedDiffHeader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The measured work, the same as the Python reference's: split both texts with {@code splitlines(keepends=True)},
 * then {@code ratio()}, {@code get_opcodes()} and {@code "".join(unified_diff(a, b, "a.conf", "b.conf", n=3))}.
 *
 * @param ratio   the similarity
 * @param opcodes the opcodes
 * @param diff    the unified diff's text
 */
public record DriftWork(double ratio, List<Opcode> opcodes, String diff) {
    static final UnifiedDiffHeader HEADER = UnifiedDiffHeader.of("a.conf", "b.conf");

    /** One matcher for all three results, as the auditor computes them. */
    public static DriftWork oneMatcher(String a, String b) {
        TextLines la = PythonText.splitLinesKeepEnds(a);
        TextLines lb = PythonText.splitLinesKeepEnds(b);
        SequenceMatcher<String> sm = SequenceMatcher.of(la, lb);
        return new DriftWork(sm.ratio(), sm.opcodes(), String.join("", UnifiedDiff.lines(la, lb,
                sm.groupedOpcodes(3), HEADER)));
    }

    /** Python's exact shape: {@code unified_diff} builds a second matcher of its own. */
    public static DriftWork twoMatchers(String a, String b) {
        TextLines la = PythonText.splitLinesKeepEnds(a);
        TextLines lb = PythonText.splitLinesKeepEnds(b);
        SequenceMatcher<String> sm = SequenceMatcher.of(la, lb);
        return new DriftWork(sm.ratio(), sm.opcodes(), UnifiedDiff.text(la, lb, "a.conf", "b.conf", 3));
    }

    /** SHA-256 of the opcodes, one {@code "tag i1 i2 j1 j2\n"} line each, as the Python script hashes them. */
    String opcodesSha() {
        StringBuilder text = new StringBuilder();
        for (Opcode op : opcodes) {
            text.append(op.tag().pythonName()).append(' ').append(op.i1()).append(' ').append(op.i2()).append(' ')
                    .append(op.j1()).append(' ').append(op.j2()).append('\n');
        }
        return sha(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    String diffSha() {
        return sha(diffBytes());
    }

    byte[] diffBytes() {
        return diff.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
