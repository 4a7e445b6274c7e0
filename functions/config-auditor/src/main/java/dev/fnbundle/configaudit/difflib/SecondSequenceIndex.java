package dev.fnbundle.configaudit.difflib;

import java.util.function.IntPredicate;

/**
 * Python's {@code __chain_b}: where each element occurs in b, which elements are junk and which are popular.
 *
 * <p>{@code b2j[id]} lists, ascending, the indices of b holding element {@code id}; it is empty for elements absent
 * from b, for junk elements and for popular ones, exactly as Python deletes those keys from its dict.
 * Popular means: autojunk on, {@code len(b) >= 200} and more than {@code len(b) // 100 + 1} occurrences.
 */
final class SecondSequenceIndex {
    private static final int[] NOTHING = new int[0];

    final int[][] b2j;
    final boolean[] junk;
    final boolean[] popular;
    final int[] fullCount;

    SecondSequenceIndex(int[] b, int elementCount, IntPredicate isJunk, boolean autojunk) {
        fullCount = new int[elementCount];
        for (int id : b) {
            fullCount[id]++;
        }
        junk = new boolean[elementCount];
        popular = new boolean[elementCount];
        int ntest = b.length / 100 + 1;
        boolean findPopular = autojunk && b.length >= 200;
        for (int id = 0; id < elementCount; id++) {
            if (fullCount[id] == 0) {
                continue;
            }
            // Junk is decided first and removed, so a junk element is never also counted as popular.
            if (isJunk != null && isJunk.test(id)) {
                junk[id] = true;
            } else if (findPopular && fullCount[id] > ntest) {
                popular[id] = true;
            }
        }
        b2j = postings(b, elementCount);
    }

    private int[][] postings(int[] b, int elementCount) {
        int[][] lists = new int[elementCount][];
        int[] fill = new int[elementCount];
        for (int id = 0; id < elementCount; id++) {
            boolean indexed = fullCount[id] > 0 && !junk[id] && !popular[id];
            lists[id] = indexed ? new int[fullCount[id]] : NOTHING;
        }
        for (int j = 0; j < b.length; j++) {
            int id = b[j];
            if (lists[id].length > 0) {
                lists[id][fill[id]++] = j;
            }
        }
        return lists;
    }
}
