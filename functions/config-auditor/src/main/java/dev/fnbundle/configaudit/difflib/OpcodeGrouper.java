package dev.fnbundle.configaudit.difflib;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code get_opcodes()} and {@code get_grouped_opcodes(n)} over a list of matching blocks. */
final class OpcodeGrouper {
    private OpcodeGrouper() {
    }

    /** Opcodes from matching blocks (sentinel included), in Python's order. */
    static List<Opcode> opcodes(List<Match> blocks) {
        List<Opcode> answer = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (Match block : blocks) {
            int ai = block.a();
            int bj = block.b();
            OpcodeTag tag = null;
            if (i < ai && j < bj) {
                tag = OpcodeTag.REPLACE;
            } else if (i < ai) {
                tag = OpcodeTag.DELETE;
            } else if (j < bj) {
                tag = OpcodeTag.INSERT;
            }
            if (tag != null) {
                answer.add(new Opcode(tag, i, ai, j, bj));
            }
            i = ai + block.size();
            j = bj + block.size();
            if (block.size() > 0) {
                answer.add(new Opcode(OpcodeTag.EQUAL, ai, i, bj, j));
            }
        }
        return answer;
    }

    /** Change clusters with up to n elements of context; works on a copy, unlike Python which edits its cache. */
    static List<List<Opcode>> grouped(List<Opcode> opcodes, int n) {
        List<Opcode> codes = new ArrayList<>(opcodes);
        if (codes.isEmpty()) {
            codes.add(new Opcode(OpcodeTag.EQUAL, 0, 1, 0, 1));
        }
        Opcode first = codes.get(0);
        if (first.tag() == OpcodeTag.EQUAL) {
            codes.set(0, new Opcode(OpcodeTag.EQUAL, downTo(first.i1(), first.i2(), n), first.i2(),
                    downTo(first.j1(), first.j2(), n), first.j2()));
        }
        int lastIndex = codes.size() - 1;
        Opcode last = codes.get(lastIndex);
        if (last.tag() == OpcodeTag.EQUAL) {
            codes.set(lastIndex, new Opcode(OpcodeTag.EQUAL, last.i1(), upTo(last.i2(), last.i1(), n),
                    last.j1(), upTo(last.j2(), last.j1(), n)));
        }
        return split(codes, n);
    }

    private static List<List<Opcode>> split(List<Opcode> codes, int n) {
        List<List<Opcode>> groups = new ArrayList<>();
        long nn = 2L * n;
        List<Opcode> group = new ArrayList<>();
        for (Opcode code : codes) {
            int i1 = code.i1();
            int j1 = code.j1();
            if (code.tag() == OpcodeTag.EQUAL && code.i2() - i1 > nn) {
                group.add(new Opcode(OpcodeTag.EQUAL, i1, upTo(code.i2(), i1, n), j1,
                        upTo(code.j2(), j1, n)));
                groups.add(group);
                group = new ArrayList<>();
                i1 = downTo(i1, code.i2(), n);
                j1 = downTo(j1, code.j2(), n);
            }
            group.add(new Opcode(code.tag(), i1, code.i2(), j1, code.j2()));
        }
        if (!group.isEmpty() && !(group.size() == 1 && group.get(0).tag() == OpcodeTag.EQUAL)) {
            groups.add(group);
        }
        return groups;
    }

    /** Python's {@code min(stop, start + n)} without int overflow for huge n. */
    private static int upTo(int stop, int start, int n) {
        return (int) Math.min(stop, (long) start + n);
    }

    /** Python's {@code max(start, stop - n)} without int overflow for huge n. */
    private static int downTo(int start, int stop, int n) {
        return (int) Math.max(start, (long) stop - n);
    }
}
