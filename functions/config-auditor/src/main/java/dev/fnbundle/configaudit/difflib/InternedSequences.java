package dev.fnbundle.configaudit.difflib;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two sequences rewritten as dense int ids, so the matcher compares ints instead of calling {@code equals}.
 *
 * <p>Two elements get the same id exactly when they are {@code equals}, which for strings is Python's {@code ==}
 * (code-point equality). Ids are assigned in order of first appearance, b first, then a. The table is open
 * addressing over {@code hashCode}, so interning boxes nothing.
 *
 * @param a        ids of the first sequence
 * @param b        ids of the second sequence
 * @param elements the element behind each id
 * @param <T>      element type
 */
record InternedSequences<T>(int[] a, int[] b, List<T> elements) {

    /** Interns both sequences; O(len(a) + len(b)) expected time. */
    static <T> InternedSequences<T> of(List<? extends T> a, List<? extends T> b) {
        Table<T> table = new Table<>(a.size() + b.size());
        int[] bIds = table.intern(b);
        int[] aIds = table.intern(a);
        return new InternedSequences<>(aIds, bIds, table.elements);
    }

    /** Linear-probing element-to-id table; never resized because its capacity covers every element. */
    private static final class Table<T> {
        private final Object[] keys;
        private final int[] ids;
        private final int mask;
        private final List<T> elements = new ArrayList<>();

        Table(int maxElements) {
            int capacity = Integer.highestOneBit(Math.max(16, maxElements * 2 - 1)) << 1;
            keys = new Object[capacity];
            ids = new int[capacity];
            mask = capacity - 1;
        }

        int[] intern(List<? extends T> seq) {
            int[] out = new int[seq.size()];
            int n = 0;
            for (T element : seq) {
                out[n++] = idOf(element);
            }
            return out;
        }

        private int idOf(T element) {
            int h = Objects.hashCode(element);
            int slot = (h ^ (h >>> 16)) & mask;
            while (true) {
                Object key = keys[slot];
                if (key == null) {
                    keys[slot] = element == null ? NullKey.INSTANCE : element;
                    ids[slot] = elements.size();
                    elements.add(element);
                    return ids[slot];
                }
                if (key == NullKey.INSTANCE ? element == null : key.equals(element)) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    /** Stands for a null element in the table, whose empty slots are null. */
    private enum NullKey {
        INSTANCE
    }
}
