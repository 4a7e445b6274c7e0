package dev.fnbundle.fuzzy.search;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The bound the index prunes with is never below the true seed score, and is tight for equal texts. */
class SeedScoreBoundTest {

    @Test
    void the_bound_is_at_least_the_seed_score_for_random_pairs() {
        Random random = new Random(11L);
        String alphabet = "aabbcdeé 😀";
        int[] symbols = alphabet.codePoints().toArray();
        for (int round = 0; round < 20_000; round++) {
            int[] query = randomText(random, symbols, 1 + random.nextInt(20));
            int[] item = random.nextInt(10) == 0 ? query.clone() : randomText(random, symbols, random.nextInt(25));

            double score = SeedRanker.score(query, item);
            double bound = SeedScoreBound.upperBound(query.length, item.length, intersection(query, item),
                    prefix(query, item));

            assertThat(bound).as("%s vs %s", Arrays.toString(query), Arrays.toString(item))
                    .isGreaterThanOrEqualTo(score);
        }
    }

    @Test
    void equal_texts_get_a_bound_of_one_plus_the_slack() {
        assertThat(SeedScoreBound.upperBound(12, 12, 12, 4)).isEqualTo(1 + SeedScoreBound.SLACK);
    }

    @Test
    void the_bound_grows_with_the_intersection_and_shrinks_with_the_item_length() {
        assertThat(SeedScoreBound.upperBound(10, 10, 8, 2)).isGreaterThan(SeedScoreBound.upperBound(10, 10, 7, 2));
        assertThat(SeedScoreBound.upperBound(10, 12, 8, 2)).isLessThan(SeedScoreBound.upperBound(10, 10, 8, 2));
    }

    private static int[] randomText(Random random, int[] symbols, int length) {
        int[] text = new int[length];
        for (int i = 0; i < length; i++) {
            text[i] = symbols[random.nextInt(symbols.length)];
        }
        return text;
    }

    private static int intersection(int[] a, int[] b) {
        int[] x = a.clone();
        int[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        return SortedMultisets.intersectionSize(x, y);
    }

    private static int prefix(int[] a, int[] b) {
        int limit = Math.min(4, Math.min(a.length, b.length));
        int p = 0;
        while (p < limit && a[p] == b[p]) {
            p++;
        }
        return p;
    }
}
