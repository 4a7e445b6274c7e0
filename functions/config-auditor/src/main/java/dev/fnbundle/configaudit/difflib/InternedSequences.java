package dev.fnbundle.configaudit.difflib;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two sequences rewritten as dense int ids, so the matcher compares ints instead of calling {@code equals}.
 *
 * <p>Every distinct element of b gets an id, in order of first appearance; an element of a gets the id of the equal
 * element of b, or {@link #absent()} when b has none. Python only ever compares an element of a with one of b
 * (the index, the junk and popularity tests and the extension passes all look at b), so the elements of a that b
 * lacks need no identity of their own: they all share the one id that matches nothing. Two elements are equal
 * exactly when they are {@code equals}, which for strings is Python's {@code ==} (code-point equality).
 *
 * <p>How: b goes into an open-addressing table sized for b alone, whose slots pack a hash and an id into one long.
 * a is then read in order, trying first the element of b on the diagonal the previous element matched on (in a
 * config and its drifted copy nearly every line sits there), and the table only when that fails: one comparison
 * of neighbouring memory instead of a probe into a table that a 100 000-line text spreads over megabytes.
 * {@link TextLines} are compared as byte ranges of their texts, so no line is copied out. Equal hash codes are easy
 * to make on purpose ({@code "Aa"} and {@code "BB"}); when probing passes a few steps per element the sequences
 * are interned again through {@link HashMap}, whose colliding buckets become trees: O(n log n) at worst.
 *
 * @param a     ids of the first sequence, {@link #absent()} for elements b does not hold
 * @param b     ids of the second sequence, {@code 0 .. distinct - 1}
 * @param first for each id below {@link #absent()}, the index in b of its first occurrence
 * @param bList the second sequence, to read elements back by id
 * @param <T>   element type
 */
record InternedSequences<T>(int[] a, int[] b, int[] first, List<? extends T> bList) {
    /** Probe steps allowed per element before switching to the collision-proof path. */
    private static final int PROBES_PER_ELEMENT = 8;

    /** Interns both sequences; O(len(a) + len(b)) expected time, memory O(len(b)). */
    static <T> InternedSequences<T> of(List<? extends T> a, List<? extends T> b) {
        if (a instanceof TextLines ta && b instanceof TextLines tb) {
            InternedSequences<T> lines = ofLines(ta, tb);
            if (lines != null) {
                return lines;
            }
        }
        Object[] bElements = b.toArray();
        Object[] aElements = a.toArray();
        Table table = new Table(bElements.length, budget(aElements.length, bElements.length));
        int[] bIds = new int[bElements.length];
        for (int j = 0; j < bIds.length && !table.overBudget(); j++) {
            int h = Objects.hashCode(bElements[j]);
            int slot;
            for (slot = table.home(h); table.occupied(slot); slot = table.next(slot)) {
                if (table.hashAt(slot) == h && Objects.equals(bElements[table.firstAt(slot)], bElements[j])) {
                    break;
                }
            }
            bIds[j] = table.occupied(slot) ? table.idAt(slot) : table.add(slot, h, j);
        }
        int[] aIds = new int[aElements.length];
        int diagonal = 0;
        for (int i = 0; i < aIds.length && !table.overBudget(); i++) {
            int j = i + diagonal;
            if (j >= 0 && j < bIds.length && Objects.equals(aElements[i], bElements[j])) {
                aIds[i] = bIds[j];
                continue;
            }
            int h = Objects.hashCode(aElements[i]);
            int id = -1;
            for (int slot = table.home(h); table.occupied(slot); slot = table.next(slot)) {
                if (table.hashAt(slot) == h && Objects.equals(bElements[table.firstAt(slot)], aElements[i])) {
                    id = table.idAt(slot);
                    diagonal = table.firstAt(slot) - i;
                    break;
                }
            }
            aIds[i] = id;
        }
        if (table.overBudget()) {
            return viaHashMap(aElements, bElements);
        }
        return finish(aIds, bIds, table, Arrays.asList(bElements));
    }

    /** The number of distinct elements of b; also the id of every element of a that b does not hold. */
    int absent() {
        return first.length;
    }

    /** The element behind an id below {@link #absent()}. */
    T element(int id) {
        return bList.get(first[id]);
    }

    /** Lines compared as byte ranges; null when the table's probe budget ran out (hash flooding). */
    private static <T> InternedSequences<T> ofLines(TextLines a, TextLines b) {
        TextLines.Encoded text = TextLines.encode(a, b);
        byte[] ab = text.a();
        byte[] bb = text.b();
        int shift = text.shift();
        int nb = b.size();
        Table table = new Table(nb, budget(a.size(), nb));
        int[] bIds = new int[nb];
        for (int j = 0; j < nb && !table.overBudget(); j++) {
            int from = b.start(j) << shift;
            int to = b.end(j) << shift;
            int h = TextLines.Encoded.hash(bb, from, to);
            int slot;
            for (slot = table.home(h); table.occupied(slot); slot = table.next(slot)) {
                if (table.hashAt(slot) == h && sameBytes(bb, b, table.firstAt(slot), shift, bb, from, to)) {
                    break;
                }
            }
            bIds[j] = table.occupied(slot) ? table.idAt(slot) : table.add(slot, h, j);
        }
        int[] aIds = new int[a.size()];
        int diagonal = 0;
        for (int i = 0; i < aIds.length && !table.overBudget(); i++) {
            int from = a.start(i) << shift;
            int to = a.end(i) << shift;
            int j = i + diagonal;
            if (j >= 0 && j < nb && sameBytes(bb, b, j, shift, ab, from, to)) {
                aIds[i] = bIds[j];
                continue;
            }
            int h = TextLines.Encoded.hash(ab, from, to);
            int id = -1;
            for (int slot = table.home(h); table.occupied(slot); slot = table.next(slot)) {
                if (table.hashAt(slot) == h && sameBytes(bb, b, table.firstAt(slot), shift, ab, from, to)) {
                    id = table.idAt(slot);
                    diagonal = table.firstAt(slot) - i;
                    break;
                }
            }
            aIds[i] = id;
        }
        return table.overBudget() ? null : finish(aIds, bIds, table, b);
    }

    /** Whether line {@code j} of b equals {@code bytes[from, to)}. */
    private static boolean sameBytes(byte[] bBytes, TextLines b, int j, int shift, byte[] bytes, int from, int to) {
        int bFrom = b.start(j) << shift;
        int bTo = b.end(j) << shift;
        return bTo - bFrom == to - from && Arrays.equals(bBytes, bFrom, bTo, bytes, from, to);
    }

    private static long budget(int aLength, int bLength) {
        return PROBES_PER_ELEMENT * ((long) aLength + bLength) + 1024;
    }

    private static <T> InternedSequences<T> viaHashMap(Object[] aElements, Object[] bElements) {
        Map<Object, Integer> ids = new HashMap<>();
        int[] first = new int[bElements.length];
        int[] bIds = new int[bElements.length];
        for (int j = 0; j < bIds.length; j++) {
            Integer id = ids.get(bElements[j]);
            if (id == null) {
                id = ids.size();
                first[id] = j;
                ids.put(bElements[j], id);
            }
            bIds[j] = id;
        }
        int[] aIds = new int[aElements.length];
        for (int i = 0; i < aIds.length; i++) {
            aIds[i] = ids.getOrDefault(aElements[i], -1);
        }
        int distinct = ids.size();
        fillAbsent(aIds, distinct);
        @SuppressWarnings("unchecked")
        List<T> bList = (List<T>) Arrays.asList(bElements);
        return new InternedSequences<>(aIds, bIds, Arrays.copyOf(first, distinct), bList);
    }

    private static <T> InternedSequences<T> finish(int[] aIds, int[] bIds, Table table, List<?> b) {
        fillAbsent(aIds, table.distinct);
        @SuppressWarnings("unchecked")
        List<? extends T> bList = (List<? extends T>) b;
        return new InternedSequences<>(aIds, bIds, Arrays.copyOf(table.first, table.distinct), bList);
    }

    private static void fillAbsent(int[] aIds, int absent) {
        for (int i = 0; i < aIds.length; i++) {
            if (aIds[i] < 0) {
                aIds[i] = absent;
            }
        }
    }

    /**
     * Linear-probing hash-to-id table over the elements of b, never resized (its capacity covers all of b). A slot
     * holds {@code hash << 32 | (id + 1)}, 0 when free; callers compare elements, the table counts probe steps.
     */
    private static final class Table {
        private final long[] slots;
        private final int mask;
        private final long budget;
        final int[] first;
        int distinct;
        private long probes;

        Table(int bLength, long budget) {
            int capacity = Integer.highestOneBit(Math.max(16, bLength * 2 - 1)) << 1;
            this.slots = new long[capacity];
            this.mask = capacity - 1;
            this.budget = budget;
            this.first = new int[bLength];
        }

        int home(int hash) {
            return (hash ^ (hash >>> 16)) & mask;
        }

        int next(int slot) {
            probes++;
            return slot + 1 & mask;
        }

        boolean occupied(int slot) {
            return slots[slot] != 0;
        }

        int hashAt(int slot) {
            return (int) (slots[slot] >>> 32);
        }

        int idAt(int slot) {
            return (int) slots[slot] - 1;
        }

        /** The index in b where the element of an occupied slot first occurs. */
        int firstAt(int slot) {
            return first[idAt(slot)];
        }

        /** Puts a new element (the one at index j of b) in a free slot; returns its id. */
        int add(int slot, int hash, int j) {
            int id = distinct++;
            first[id] = j;
            slots[slot] = (long) hash << 32 | id + 1L;
            return id;
        }

        boolean overBudget() {
            return probes > budget;
        }
    }
}
