package dev.fnbundle.fuzzy.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Dense ids of a catalog's code points: the lookup table below U+10000 and the search above it agree. */
class AlphabetTest {

    private static final int EMOJI = 0x1F600;
    private static final int CJK = 0x4E2D;

    private final Alphabet alphabet = Alphabet.of(new int[][] {
            "aab".codePoints().toArray(), new int[] {'a', CJK, EMOJI, EMOJI, EMOJI}});

    @Test
    void ids_go_to_the_most_frequent_code_points_first_whatever_their_plane() {
        assertThat(alphabet.idOf('a')).isEqualTo(0);
        assertThat(alphabet.idOf(EMOJI)).isEqualTo(1);
        assertThat(alphabet.idOf('b')).isEqualTo(2);
        assertThat(alphabet.idOf(CJK)).isEqualTo(3);
    }

    @Test
    void code_points_the_catalog_lacks_have_no_id_below_between_and_above_its_own() {
        assertThat(alphabet.idOf(' ')).isEqualTo(-1);
        assertThat(alphabet.idOf('c')).isEqualTo(-1);
        assertThat(alphabet.idOf(CJK + 1)).isEqualTo(-1);
        assertThat(alphabet.idOf(0xFFFF)).isEqualTo(-1);
        assertThat(alphabet.idOf(EMOJI + 1)).isEqualTo(-1);
        assertThat(alphabet.idOf(Character.MAX_CODE_POINT)).isEqualTo(-1);
    }

    @Test
    void a_query_gets_distinct_negative_ids_for_each_unknown_code_point_and_the_same_id_when_it_repeats() {
        int[] encoded = alphabet.encodeQuery(new int[] {'x', 'a', 'y', 'x', EMOJI, EMOJI + 1});

        assertThat(encoded).containsExactly(-1, 0, -2, -1, 1, -3);
    }

    @Test
    void an_alphabet_rebuilt_from_its_tables_gives_the_same_ids() {
        Alphabet copy = Alphabet.of(alphabet.sortedCodePoints(), alphabet.idsOfSorted());

        for (int codePoint : new int[] {'a', 'b', 'c', CJK, EMOJI, EMOJI + 1}) {
            assertThat(copy.idOf(codePoint)).isEqualTo(alphabet.idOf(codePoint));
        }
    }
}
