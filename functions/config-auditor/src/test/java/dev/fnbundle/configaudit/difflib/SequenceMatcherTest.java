package dev.fnbundle.configaudit.difflib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The expectations written in CPython's test_difflib.py and difflib doctests, asserted without Python. */
class SequenceMatcherTest {

    @Test
    void one_insert_matches_test_one_insert() {
        // given
        SequenceMatcher<Integer> sm = SequenceMatcher.ofCodePoints("b".repeat(100), "a" + "b".repeat(100));
        // when / then
        assertThat(sm.ratio()).isCloseTo(0.995, within(0.0005));
        assertThat(sm.opcodes()).containsExactly(new Opcode(OpcodeTag.INSERT, 0, 0, 0, 1),
                new Opcode(OpcodeTag.EQUAL, 0, 100, 1, 101));
        assertThat(sm.popularElements()).isEmpty();
    }

    @Test
    void autojunk_makes_a_homogenous_200_item_sequence_popular_and_can_be_switched_off() {
        // given
        String seq1 = "b".repeat(200);
        String seq2 = "a" + "b".repeat(200);
        // when
        SequenceMatcher<Integer> on = SequenceMatcher.ofCodePoints(seq1, seq2);
        SequenceMatcher<Integer> off = SequenceMatcher.ofCodePoints(seq1, seq2, null, false);
        // then
        assertThat(on.ratio()).isZero();
        assertThat(on.popularElements()).containsExactly((int) 'b');
        assertThat(off.ratio()).isEqualTo(2.0 * 200 / 401);
        assertThat(off.popularElements()).isEmpty();
    }

    @Test
    void junk_predicate_fills_bjunk_like_test_bjunk() {
        // given
        String a = "a".repeat(40) + "b".repeat(40);
        String b = "a".repeat(44) + "b".repeat(40) + " ".repeat(20);
        // when
        SequenceMatcher<Integer> spaces = SequenceMatcher.ofCodePoints(a, b, c -> c == ' ', true);
        SequenceMatcher<Integer> spacesAndB = SequenceMatcher.ofCodePoints(a, b, c -> c == ' ' || c == 'b', true);
        // then
        assertThat(spaces.junkElements()).containsExactly((int) ' ');
        assertThat(spacesAndB.junkElements()).containsExactlyInAnyOrder((int) ' ', (int) 'b');
    }

    @Test
    void empty_sequences_have_ratio_one_and_no_groups() {
        // given
        SequenceMatcher<String> sm = SequenceMatcher.of(List.of(), List.of());
        // then
        assertThat(sm.ratio()).isEqualTo(1.0);
        assertThat(sm.quickRatio()).isEqualTo(1.0);
        assertThat(sm.realQuickRatio()).isEqualTo(1.0);
        assertThat(sm.groupedOpcodes(3)).isEmpty();
        assertThat(UnifiedDiff.text(List.of(), List.of(), "a", "b", 3)).isEmpty();
    }

    @Test
    void matching_blocks_and_opcodes_follow_the_doctests() {
        // given
        SequenceMatcher<Integer> abxcd = SequenceMatcher.ofCodePoints("abxcd", "abcd");
        SequenceMatcher<Integer> qabxcd = SequenceMatcher.ofCodePoints("qabxcd", "abycdf");
        // then
        assertThat(abxcd.matchingBlocks()).containsExactly(new Match(0, 0, 2), new Match(3, 2, 2),
                new Match(5, 4, 0));
        assertThat(qabxcd.opcodes()).hasToString("[('delete', 0, 1, 0, 0), ('equal', 1, 3, 0, 2), "
                + "('replace', 3, 4, 2, 3), ('equal', 4, 6, 3, 5), ('insert', 6, 6, 5, 6)]");
        SequenceMatcher<Integer> abcd = SequenceMatcher.ofCodePoints("abcd", "bcde");
        assertThat(abcd.ratio()).isEqualTo(0.75);
        assertThat(abcd.quickRatio()).isEqualTo(0.75);
        assertThat(abcd.realQuickRatio()).isEqualTo(1.0);
    }

    @Test
    void find_longest_match_honours_junk_and_popular_elements() {
        // given / when / then
        assertThat(SequenceMatcher.ofCodePoints(" abcd", "abcd abcd").findLongestMatch(0, 5, 0, 9))
                .isEqualTo(new Match(0, 4, 5));
        assertThat(SequenceMatcher.ofCodePoints(" abcd", "abcd abcd", c -> c == ' ', true)
                .findLongestMatch(0, 5, 0, 9)).isEqualTo(new Match(1, 0, 4));
        assertThat(SequenceMatcher.ofCodePoints("ab", "c").findLongestMatch(0, 2, 0, 1)).isEqualTo(new Match(0, 0, 0));
        SequenceMatcher<Integer> foo = SequenceMatcher.ofCodePoints("foo bar", "foo baz bar");
        assertThat(foo.findLongestMatch(0, 7, 0, 11)).isEqualTo(new Match(0, 0, 6));
        assertThat(foo.findLongestMatch(2, 7, 4, 11)).isEqualTo(new Match(3, 7, 4));
        assertThat(foo.findLongestMatch(0, 7, 1, 5)).isEqualTo(new Match(1, 1, 4));
        String popular = "d".repeat(100) + "abc" + "d".repeat(100);
        assertThat(SequenceMatcher.ofCodePoints("dabcd", popular).findLongestMatch(0, 5, 0, popular.length()))
                .isEqualTo(new Match(0, 99, 5));
    }

    @Test
    void grouped_opcodes_follow_the_doctest() {
        // given
        List<String> a = IntStream.range(1, 40).mapToObj(Integer::toString).toList();
        List<String> b = new ArrayList<>(a);
        b.add(8, "i");
        b.set(20, b.get(20) + "x");
        b.subList(23, 28).clear();
        b.set(30, b.get(30) + "y");
        // when
        List<List<Opcode>> groups = SequenceMatcher.of(a, b).groupedOpcodes(3);
        // then
        assertThat(groups).hasToString("[[('equal', 5, 8, 5, 8), ('insert', 8, 8, 8, 9), ('equal', 8, 11, 9, 12)], "
                + "[('equal', 16, 19, 17, 20), ('replace', 19, 20, 20, 21), ('equal', 20, 22, 21, 23), "
                + "('delete', 22, 27, 23, 23), ('equal', 27, 30, 23, 26)], "
                + "[('equal', 31, 34, 27, 30), ('replace', 34, 35, 30, 31), ('equal', 35, 38, 31, 34)]]");
    }

    @Test
    void grouping_does_not_alter_the_cached_opcodes_and_rejects_negative_context() {
        // given
        SequenceMatcher<Integer> sm = SequenceMatcher.ofCodePoints("aaaaaaaaxbbbbbbbb", "aaaaaaaaybbbbbbbb");
        List<Opcode> before = sm.opcodes();
        // when
        sm.groupedOpcodes(1);
        // then
        assertThat(sm.opcodes()).isEqualTo(before).first().isEqualTo(new Opcode(OpcodeTag.EQUAL, 0, 8, 0, 8));
        assertThatThrownBy(() -> sm.groupedOpcodes(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void astral_characters_count_as_one_element_like_python_str() {
        // given: U+1F600 is two UTF-16 units but one Python character
        SequenceMatcher<Integer> sm = SequenceMatcher.ofCodePoints("a\ud83d\ude00b", "a\ud83d\ude01b");
        // then
        assertThat(sm.opcodes()).hasToString("[('equal', 0, 1, 0, 1), ('replace', 1, 2, 1, 2), ('equal', 2, 3, 2, 3)]");
        assertThat(sm.ratio()).isEqualTo(2.0 * 2 / 6);
    }

    @Test
    void recursion_limit_input_completes_without_recursion() {
        // given: test_recursion_limit with sys.getrecursionlimit() == 1000
        List<String> old = IntStream.range(0, 2000).mapToObj(i -> i % 2 == 1 ? "K:" + i : "V:A:" + i).toList();
        List<String> neu = IntStream.range(0, 2000).mapToObj(i -> i % 2 == 1 ? "K:" + i : "V:B:" + i).toList();
        // when
        List<Opcode> ops = SequenceMatcher.of(old, neu).opcodes();
        // then
        assertThat(ops).hasSize(2000);
    }
}
