package dev.fnbundle.configaudit.difflib;

import java.util.function.IntPredicate;

/**
 * Python's {@code __chain_b}: where each element occurs in b, which elements are junk and which are popular.
 *
 * <p>The postings of element {@code id} ({@code b2j[id]} in Python) are {@code positions[start[id]]} up to
 * {@code positions[start[id + 1]]}, ascending: one array for all elements instead of one per element. They are
 * empty for elements absent from b, for junk elements and for popular ones, exactly as Python deletes those keys
 * from its dict. Popular means: autojunk on, {@code len(b) >= 200} and more than {@code len(b) // 100 + 1}
 * occurrences. Ids run up to and including {@code absent}, the id of a's elements that b lacks (no postings).
 */
final class SecondSequenceIndex {
    final int[] start;
    final int[] positions;
    final boolean[] junk;
    final boolean[] popular;
    final int[] fullCount;

    /**
     * @param absent the id after b's own (0 .. absent - 1), shared by a's elements missing from b
     */
    SecondSequenceIndex(int[] b, int absent, IntPredicate isJunk, boolean autojunk) {
        int ids = absent + 1;
        fullCount = new int[ids];
        for (int id : b) {
            fullCount[id]++;
        }
        junk = new boolean[ids];
        popular = new boolean[ids];
        int ntest = b.length / 100 + 1;
        boolean findPopular = autojunk && b.length >= 200;
        start = new int[ids + 1];
        for (int id = 0; id < absent; id++) {
            // Junk is decided first and removed, so a junk element is never also counted as popular.
            if (isJunk != null && isJunk.test(id)) {
                junk[id] = true;
            } else if (findPopular && fullCount[id] > ntest) {
                popular[id] = true;
            }
            start[id + 1] = start[id] + (junk[id] || popular[id] ? 0 : fullCount[id]);
        }
        start[ids] = start[absent];
        positions = new int[start[absent]];
        int[] fill = new int[absent];
        for (int j = 0; j < b.length; j++) {
            int id = b[j];
            if (!junk[id] && !popular[id]) {
                positions[start[id] + fill[id]++] = j;
            }
        }
    }

    /** Whether element {@code id} has postings (occurs in b, neither junk nor popular). */
    boolean indexed(int id) {
        return start[id + 1] > start[id];
    }

    /** First posting index p in {@code [start[id], start[id + 1])} with {@code positions[p] >= key}. */
    int lowerBound(int id, int key) {
        int lo = start[id];
        int hi = start[id + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (positions[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
