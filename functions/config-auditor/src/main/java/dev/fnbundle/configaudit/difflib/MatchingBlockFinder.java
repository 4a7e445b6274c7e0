package dev.fnbundle.configaudit.difflib;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code get_matching_blocks} queue loop, with each {@code find_longest_match} answered from a heap of
 * diagonal runs instead of a rescan of the whole range, and with identical results.
 *
 * <p>Why it is the same: inside a range, {@code j2len} at {@code (i, j)} is the length of the run of indexed
 * matches on j's diagonal ending at {@code (i, j)}, cut at the range's edges; Python keeps the first pair, in
 * (i, j) order, reaching the largest length, i.e. the end of the longest clipped run, earliest end row first,
 * then earliest end column. {@link SegmentHeap} orders runs exactly so. A range's heap may hold runs computed for
 * an enclosing range: clipping only shortens a run, which only lowers it in that order, so a popped run is
 * re-clipped to the current range and pushed back if it shrank, and the first one that did not shrink is the
 * answer. The junk-extension passes then run unchanged.
 *
 * <p>Why it is fast: when a range splits, the part with more rows inherits the heap and only the other part is
 * scanned afresh, so each row is scanned O(log n) times, where Python rescans every range it visits (quadratic
 * when, as with many equally long runs, its earliest-first choice splits ranges unevenly).
 */
final class MatchingBlockFinder {
    private final int[] a;
    private final int[] b;
    private final SecondSequenceIndex index;
    private final boolean[] indexed;
    private final SegmentHeap.Pool pool = new SegmentHeap.Pool();
    private final long maxWork;
    private long work;

    /** A range still to search, with the heap it inherited (null: scan it). */
    private record Range(int alo, int ahi, int blo, int bhi, SegmentHeap heap) {
    }

    /**
     * @param maxWork most index pairs scanned plus segments re-clipped before giving up with
     *                {@link MatchWorkExceededException}; both bound time and the memory of the segment pool
     */
    MatchingBlockFinder(int[] a, int[] b, SecondSequenceIndex index, long maxWork) {
        this.maxWork = maxWork;
        this.a = a;
        this.b = b;
        this.index = index;
        this.indexed = new boolean[index.start.length - 1];
        for (int id = 0; id < indexed.length; id++) {
            indexed[id] = index.indexed(id);
        }
    }

    /** The unsorted blocks Python's queue loop appends, in the same order. */
    List<Match> blocks() {
        List<Match> found = new ArrayList<>();
        List<Range> queue = new ArrayList<>();
        queue.add(new Range(0, a.length, 0, b.length, null));
        while (!queue.isEmpty()) {
            Range r = queue.remove(queue.size() - 1);
            SegmentHeap heap = r.heap() != null ? r.heap() : scan(r.alo(), r.ahi(), r.blo(), r.bhi());
            Match x = longest(heap, r.alo(), r.ahi(), r.blo(), r.bhi());
            int i = x.a();
            int j = x.b();
            int k = x.size();
            if (k > 0) {
                found.add(x);
                boolean left = r.alo() < i && r.blo() < j;
                boolean right = i + k < r.ahi() && j + k < r.bhi();
                // The side with more rows keeps the heap; the other is scanned when its turn comes.
                boolean leftInherits = left && (!right || i - r.alo() > r.ahi() - (i + k));
                if (left) {
                    queue.add(new Range(r.alo(), i, r.blo(), j, leftInherits ? heap : null));
                }
                if (right) {
                    queue.add(new Range(i + k, r.ahi(), j + k, r.bhi(), leftInherits ? null : heap));
                }
            }
        }
        return found;
    }

    private Match longest(SegmentHeap heap, int alo, int ahi, int blo, int bhi) {
        while (!heap.isEmpty()) {
            int s = heap.pop();
            int si = pool.i[s];
            int d = pool.j[s] - si;
            int start = Math.max(si, Math.max(alo, blo - d));
            int end = Math.min(si + pool.len[s], Math.min(ahi, bhi - d));
            if (end <= start) {
                continue;
            }
            if (start == si && end - start == pool.len[s]) {
                return LongestMatchFinder.extend(a, b, index.junk, si, si + d, end - start, alo, ahi, blo, bhi);
            }
            count(1);
            heap.push(pool.add(start, start + d, end - start));
        }
        return LongestMatchFinder.extend(a, b, index.junk, alo, blo, 0, alo, ahi, blo, bhi);
    }

    /** All maximal runs of indexed matches inside the range, as a fresh heap; O(pairs in the range). */
    private SegmentHeap scan(int alo, int ahi, int blo, int bhi) {
        SegmentHeap heap = new SegmentHeap(pool);
        for (int i = alo; i < ahi; i++) {
            int id = a[i];
            if (!indexed[id]) {
                continue;
            }
            int end = index.lowerBound(id, bhi);
            int begin = index.lowerBound(id, blo);
            count(end - begin);
            int[] js = index.positions;
            for (int p = begin; p < end; p++) {
                int j = js[p];
                boolean continues = i > alo && j > blo && a[i - 1] == b[j - 1] && indexed[b[j - 1]];
                if (!continues) {
                    heap.push(pool.add(i, j, runLength(i, j, ahi, bhi)));
                }
            }
        }
        return heap;
    }

    private void count(long steps) {
        work += steps;
        if (work > maxWork) {
            throw new MatchWorkExceededException(maxWork);
        }
    }

    private int runLength(int i, int j, int ahi, int bhi) {
        int len = 1;
        while (i + len < ahi && j + len < bhi && a[i + len] == b[j + len] && indexed[b[j + len]]) {
            len++;
        }
        return len;
    }
}
