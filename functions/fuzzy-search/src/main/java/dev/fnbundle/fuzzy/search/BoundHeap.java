package dev.fnbundle.fuzzy.search;

import java.util.Arrays;

/** A max-heap of (bound, position) pairs on primitive arrays, for best-first exact scoring. */
final class BoundHeap {

    private double[] bounds = new double[64];
    private int[] positions = new int[64];
    private int size;

    void push(double bound, int position) {
        if (size == bounds.length) {
            bounds = Arrays.copyOf(bounds, size * 2);
            positions = Arrays.copyOf(positions, size * 2);
        }
        int at = size++;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (bounds[parent] >= bound) {
                break;
            }
            bounds[at] = bounds[parent];
            positions[at] = positions[parent];
            at = parent;
        }
        bounds[at] = bound;
        positions[at] = position;
    }

    boolean isEmpty() {
        return size == 0;
    }

    double topBound() {
        return bounds[0];
    }

    /** Removes the entry with the largest bound and returns its position. */
    int pop() {
        int top = positions[0];
        size--;
        double bound = bounds[size];
        int position = positions[size];
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && bounds[child + 1] > bounds[child]) {
                child++;
            }
            if (bounds[child] <= bound) {
                break;
            }
            bounds[at] = bounds[child];
            positions[at] = positions[child];
            at = child;
        }
        bounds[at] = bound;
        positions[at] = position;
        return top;
    }
}
