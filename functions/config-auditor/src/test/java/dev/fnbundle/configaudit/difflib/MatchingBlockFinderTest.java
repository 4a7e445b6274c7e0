package dev.fnbundle.configaudit.difflib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Property test: the heap-based block finder returns, block for block and in the same order, what Python's queue
 * loop over the literal {@code find_longest_match} port returns, on many seeded inputs full of ties.
 */
class MatchingBlockFinderTest {

    @Test
    void heap_based_blocks_equal_the_literal_python_loop_on_seeded_inputs() {
        Random random = new Random(99);
        for (int round = 0; round < 3000; round++) {
            // given: small alphabets make long equal runs, ties and popular elements common
            int alphabet = 1 + random.nextInt(round % 3 == 0 ? 3 : 12);
            int[] a = sequence(random, random.nextInt(round % 10 == 0 ? 450 : 60), alphabet);
            int[] b = mutate(random, a, alphabet);
            boolean autojunk = random.nextBoolean();
            int junkId = random.nextInt(4) == 0 ? random.nextInt(alphabet) : -1;
            List<Integer> la = boxed(a);
            List<Integer> lb = boxed(b);
            IntPredicate junk = junkId < 0 ? null : x -> x == junkId;
            InternedSequences<Integer> seqs = InternedSequences.of(la, lb);
            IntPredicate junkById = junk == null ? null : id -> junk.test(seqs.element(id));
            SecondSequenceIndex index = new SecondSequenceIndex(seqs.b(), seqs.absent(), junkById, autojunk);
            // when
            List<Match> fast = new MatchingBlockFinder(seqs.a(), seqs.b(), index, Long.MAX_VALUE).blocks();
            List<Match> literal = literalPythonLoop(seqs.a(), seqs.b(), index);
            // then
            assertThat(fast).as("round %d", round).isEqualTo(literal);
        }
    }

    private static List<Match> literalPythonLoop(int[] a, int[] b, SecondSequenceIndex index) {
        LongestMatchFinder finder = new LongestMatchFinder(a, b, index);
        List<Match> found = new ArrayList<>();
        List<int[]> queue = new ArrayList<>();
        queue.add(new int[] {0, a.length, 0, b.length});
        while (!queue.isEmpty()) {
            int[] r = queue.remove(queue.size() - 1);
            Match x = finder.find(r[0], r[1], r[2], r[3]);
            if (x.size() > 0) {
                found.add(x);
                if (r[0] < x.a() && r[2] < x.b()) {
                    queue.add(new int[] {r[0], x.a(), r[2], x.b()});
                }
                if (x.a() + x.size() < r[1] && x.b() + x.size() < r[3]) {
                    queue.add(new int[] {x.a() + x.size(), r[1], x.b() + x.size(), r[3]});
                }
            }
        }
        return found;
    }

    private static int[] sequence(Random random, int n, int alphabet) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = random.nextInt(alphabet);
        }
        return s;
    }

    private static int[] mutate(Random random, int[] a, int alphabet) {
        List<Integer> out = new ArrayList<>();
        for (int x : a) {
            int roll = random.nextInt(20);
            if (roll == 0) {
                continue;
            }
            out.add(roll == 1 ? random.nextInt(alphabet) : x);
            if (roll == 2) {
                out.add(random.nextInt(alphabet));
            }
        }
        if (random.nextInt(5) == 0 && out.size() > 8) {
            List<Integer> block = new ArrayList<>(out.subList(0, 4));
            out.subList(0, 4).clear();
            out.addAll(block);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Integer> boxed(int[] s) {
        List<Integer> out = new ArrayList<>(s.length);
        for (int x : s) {
            out.add(x);
        }
        return out;
    }
}
