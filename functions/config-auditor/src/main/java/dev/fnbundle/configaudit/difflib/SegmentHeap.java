package dev.fnbundle.configaudit.difflib;

import java.util.Arrays;

/**
 * A binary max-heap of diagonal runs ("segments") ordered the way {@code find_longest_match} chooses between
 * them: longer first, then the one ending at the smaller row of a, then at the smaller index of b.
 *
 * <p>Segments live in flat arrays owned by a {@link Pool}; the heap holds pool indices, so nothing is boxed.
 */
final class SegmentHeap {
    /** Storage for segments: start in a, start in b, length. Shared by all heaps of one computation. */
    static final class Pool {
        int[] i = new int[64];
        int[] j = new int[64];
        int[] len = new int[64];
        int size;

        int add(int si, int sj, int length) {
            if (size == i.length) {
                int grown = size * 2;
                i = Arrays.copyOf(i, grown);
                j = Arrays.copyOf(j, grown);
                len = Arrays.copyOf(len, grown);
            }
            i[size] = si;
            j[size] = sj;
            len[size] = length;
            return size++;
        }
    }

    private final Pool pool;
    private int[] heap = new int[16];
    private int size;

    SegmentHeap(Pool pool) {
        this.pool = pool;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void push(int segment) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int k = size++;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!better(segment, heap[parent])) {
                break;
            }
            heap[k] = heap[parent];
            k = parent;
        }
        heap[k] = segment;
    }

    int pop() {
        int top = heap[0];
        int last = heap[--size];
        int k = 0;
        while (true) {
            int child = 2 * k + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(heap[child + 1], heap[child])) {
                child++;
            }
            if (!better(heap[child], last)) {
                break;
            }
            heap[k] = heap[child];
            k = child;
        }
        if (size > 0) {
            heap[k] = last;
        }
        return top;
    }

    /** True when x would be chosen over y: longer, or as long and ending earlier in a, then in b. */
    private boolean better(int x, int y) {
        int lx = pool.len[x];
        int ly = pool.len[y];
        if (lx != ly) {
            return lx > ly;
        }
        int ex = pool.i[x] + lx;
        int ey = pool.i[y] + ly;
        if (ex != ey) {
            return ex < ey;
        }
        return pool.j[x] < pool.j[y];
    }
}
