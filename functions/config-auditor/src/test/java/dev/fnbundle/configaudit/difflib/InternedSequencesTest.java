package dev.fnbundle.configaudit.difflib;

import static dev.fnbundle.configaudit.testing.Timing.finishesInLinearTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Interning is exact whichever path it takes: byte ranges of texts, element lists, or the flooding fallback. */
class InternedSequencesTest {

    @Test
    void text_lines_match_exactly_as_the_same_lines_given_as_strings() {
        Random random = new Random(5);
        String[] vocabulary = {"a = 1\n", "a = 1\r\n", "a = 1", "\n", "b = é\n", "b = é\r", "c = €\n", "c = \u20ac",
            "[s]\n", "d = \ud83d\ude00\n", "e\u2028", "x = 12345678901234567\n", "x = 12345678901234568\n"};
        for (int round = 0; round < 400; round++) {
            // given: texts of a few repeated lines, some only in one side, one side often without non-Latin-1 text
            String a = text(random, vocabulary, round % 3 == 0);
            String b = text(random, vocabulary, round % 5 == 0);
            TextLines la = PythonText.splitLinesKeepEnds(a);
            TextLines lb = PythonText.splitLinesKeepEnds(b);
            // when
            SequenceMatcher<String> ranges = SequenceMatcher.of(la, lb);
            SequenceMatcher<String> strings = SequenceMatcher.of(new ArrayList<>(la), new ArrayList<>(lb));
            // then
            assertThat(ranges.matchingBlocks()).as("round %d", round).isEqualTo(strings.matchingBlocks());
            assertThat(ranges.quickRatio()).isEqualTo(strings.quickRatio());
            assertThat(ranges.popularElements()).isEqualTo(strings.popularElements());
        }
    }

    @Test
    void equal_elements_share_an_id_and_a_s_elements_missing_from_b_share_the_absent_one() {
        // given
        List<String> a = List.of("x", "y", "q", "x", "r");
        List<String> b = List.of("y", "x", "y", "z");
        // when
        InternedSequences<String> seqs = InternedSequences.of(a, b);
        // then
        assertThat(seqs.b()).containsExactly(0, 1, 0, 2);
        assertThat(seqs.a()).containsExactly(1, 0, 3, 1, 3);
        assertThat(seqs.absent()).isEqualTo(3);
        assertThat(seqs.element(2)).isEqualTo("z");
    }

    @Test
    void lines_made_to_share_a_hash_code_are_interned_exactly_and_in_linear_time() {
        // given: 2^16 distinct strings with one String.hashCode ("Aa" and "BB" hash alike), in both sequences
        List<String> colliding = new ArrayList<>();
        for (int bits = 0; bits < 1 << 16; bits++) {
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < 16; k++) {
                s.append((bits >> k & 1) == 0 ? "Aa" : "BB");
            }
            colliding.add(s.toString());
        }
        List<String> b = new ArrayList<>(colliding);
        List<String> a = new ArrayList<>(colliding.reversed());
        a.add("absent");
        // when
        InternedSequences<String> seqs = finishesInLinearTime(() -> InternedSequences.of(a, b));
        // then
        Map<String, Integer> ids = new HashMap<>();
        for (int j = 0; j < b.size(); j++) {
            assertThat(seqs.b()[j]).isEqualTo(j);
            ids.put(b.get(j), j);
        }
        for (int i = 0; i < a.size() - 1; i++) {
            assertThat(seqs.a()[i]).isEqualTo(ids.get(a.get(i)));
        }
        assertThat(seqs.a()[a.size() - 1]).isEqualTo(seqs.absent());
    }

    private static String text(Random random, String[] vocabulary, boolean latin1Only) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            String line = vocabulary[random.nextInt(vocabulary.length)];
            if (latin1Only && line.chars().anyMatch(c -> c > 0xff)) {
                line = "ascii\n";
            }
            sb.append(line);
        }
        return sb.toString();
    }
}
