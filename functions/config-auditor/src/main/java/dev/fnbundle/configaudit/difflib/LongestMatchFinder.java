package dev.fnbundle.configaudit.difflib;

import java.util.Arrays;

/**
 * Python's {@code find_longest_match}, with its {@code j2len} dicts replaced by one stamped array.
 *
 * <p>{@code j2len[j + 1]} packs a row stamp (high 32 bits) and a run length (low 32 bits); an entry counts as
 * "present in the previous row's dict" only when its stamp is the previous row's. Each row gets a fresh stamp, so
 * no clearing is needed between rows or calls. Postings are walked from high j to low j so a row can read the
 * previous row's value at {@code j - 1} before overwriting anything it still needs; the row's best is then the
 * smallest j with the row's maximal run, which is what Python's ascending walk with a strict {@code >} keeps.
 *
 * <p>Not thread-safe: one instance belongs to one matcher.
 */
final class LongestMatchFinder {
    private static final long STAMP_LIMIT = 0xFFFF_FFF0L;
    private static final long LOW_MASK = 0xFFFF_FFFFL;

    private final int[] a;
    private final int[] b;
    private final SecondSequenceIndex index;
    private final boolean[] junk;
    private final long[] j2len;
    private long stamp;

    LongestMatchFinder(int[] a, int[] b, SecondSequenceIndex index) {
        this.a = a;
        this.b = b;
        this.index = index;
        this.junk = index.junk;
        this.j2len = new long[b.length + 1];
    }

    /** Longest match in {@code a[alo:ahi]} and {@code b[blo:bhi]}; {@code (alo, blo, 0)} when none. */
    Match find(int alo, int ahi, int blo, int bhi) {
        long[] best = longestNonJunkRun(alo, ahi, blo, bhi);
        return extend(a, b, junk, (int) best[0], (int) best[1], (int) best[2], alo, ahi, blo, bhi);
    }

    /**
     * CPython's four extension passes around the best non-junk, non-popular run, in its order: equal non-junk
     * elements (popular ones included) on both sides, then equal junk elements on both sides.
     */
    static Match extend(int[] a, int[] b, boolean[] junk, int besti, int bestj, int bestsize,
                        int alo, int ahi, int blo, int bhi) {
        while (besti > alo && bestj > blo && !junk[b[bestj - 1]] && a[besti - 1] == b[bestj - 1]) {
            besti--;
            bestj--;
            bestsize++;
        }
        while (besti + bestsize < ahi && bestj + bestsize < bhi && !junk[b[bestj + bestsize]]
                && a[besti + bestsize] == b[bestj + bestsize]) {
            bestsize++;
        }
        while (besti > alo && bestj > blo && junk[b[bestj - 1]] && a[besti - 1] == b[bestj - 1]) {
            besti--;
            bestj--;
            bestsize++;
        }
        while (besti + bestsize < ahi && bestj + bestsize < bhi && junk[b[bestj + bestsize]]
                && a[besti + bestsize] == b[bestj + bestsize]) {
            bestsize++;
        }
        return new Match(besti, bestj, bestsize);
    }

    private long[] longestNonJunkRun(int alo, int ahi, int blo, int bhi) {
        int besti = alo;
        int bestj = blo;
        int bestsize = 0;
        reserveStamps(ahi - alo);
        // Skip one stamp so the first row cannot see the last row of a previous call.
        stamp++;
        for (int i = alo; i < ahi; i++) {
            long previous = stamp++;
            long current = stamp << 32;
            int id = a[i];
            int[] js = index.positions;
            int hi = index.lowerBound(id, bhi);
            int lo = hi == index.start[id] ? hi : index.lowerBound(id, blo);
            int rowBest = 0;
            int rowBestJ = 0;
            for (int p = hi - 1; p >= lo; p--) {
                int j = js[p];
                long prior = j2len[j];
                int k = (prior >>> 32) == previous ? (int) (prior & LOW_MASK) + 1 : 1;
                j2len[j + 1] = current | k;
                if (k >= rowBest) {
                    rowBest = k;
                    rowBestJ = j;
                }
            }
            if (rowBest > bestsize) {
                besti = i - rowBest + 1;
                bestj = rowBestJ - rowBest + 1;
                bestsize = rowBest;
            }
        }
        return new long[] {besti, bestj, bestsize};
    }

    private void reserveStamps(int rows) {
        if (stamp + rows + 2 >= STAMP_LIMIT) {
            Arrays.fill(j2len, 0L);
            stamp = 0;
        }
    }
}
