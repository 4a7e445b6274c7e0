package dev.fnbundle.fuzzy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.fuzzy.distance.DamerauLevenshtein;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bit-parallel distance equals textdistance's restricted Damerau-Levenshtein, or says "above the allowance". */
class OsaBitsTest {

    @Test
    void equals_the_matrix_distance_on_random_words_over_small_and_large_alphabets() {
        Random random = new Random(31L);
        for (int round = 0; round < 20_000; round++) {
            int alphabet = round % 4 == 0 ? 2 : round % 4 == 1 ? 3 : round % 4 == 2 ? 6 : 30;
            int[] pattern = word(random, alphabet, 1 + random.nextInt(round % 50 == 0 ? 64 : 12));
            int[] text = word(random, alphabet, random.nextInt(round % 50 == 0 ? 80 : 14));
            int allowed = random.nextInt(8);
            int expected = DamerauLevenshtein.distance(pattern, text, true);

            int actual = new OsaBits(pattern, alphabet).distance(text, 0, text.length, allowed);

            assertThat(actual).as("pattern %s text %s allowed %d", Arrays.toString(pattern),
                    Arrays.toString(text), allowed).isEqualTo(Math.min(expected, allowed + 1));
        }
    }

    @Test
    void pattern_symbols_missing_from_the_alphabet_equal_nothing_and_words_are_read_from_an_offset() {
        int[] symbols = {9, 9, 0, 1, 2, 9};

        assertThat(new OsaBits(new int[] {0, -1, 2}, 10).distance(symbols, 2, 3, 5)).isEqualTo(1);
        assertThat(new OsaBits(new int[] {1, 0, 2}, 10).distance(symbols, 2, 3, 5)).isEqualTo(1);
        assertThat(new OsaBits(new int[] {2, 1, 0}, 10).distance(symbols, 2, 3, 1)).isEqualTo(2);
    }

    private static int[] word(Random random, int alphabet, int length) {
        int[] word = new int[length];
        for (int i = 0; i < length; i++) {
            word[i] = random.nextInt(alphabet);
        }
        return word;
    }
}
