package dev.fnbundle.orders.graph;

import java.util.Arrays;

/** A growable list of primitive ints: the graph model holds millions of ids, boxing them would triple its size. */
final class IntArrayList {
    private int[] values;
    private int size;

    IntArrayList(int initialCapacity) {
        values = new int[Math.max(4, initialCapacity)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, grownCapacity(values.length));
        }
        values[size++] = value;
    }

    /** Appends {@code source[from, to)}. */
    void addAll(int[] source, int from, int to) {
        int count = to - from;
        if (size + count > values.length) {
            values = Arrays.copyOf(values, Math.max(grownCapacity(values.length), size + count));
        }
        System.arraycopy(source, from, values, size, count);
        size += count;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** Keeps the first {@code newSize} entries (at most {@link #size()}). */
    void truncate(int newSize) {
        size = newSize;
    }

    /** The backing array; only the first {@link #size()} entries are meaningful. */
    int[] array() {
        return values;
    }

    private static int grownCapacity(int current) {
        long next = (long) current + (current >> 1) + 16;
        if (next > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("int list cannot grow beyond " + current + " entries");
        }
        return (int) next;
    }
}
