package dev.fnbundle.fuzzy.distance;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** Properties on seeded random texts: normalized values in [0, 1], symmetry where it holds, metric axioms. */
class SimilarityPropertiesTest {

    /** Ratcliff-Obershelp recurses around the first longest common substring of its first argument. */
    private static final Set<Algorithm> ASYMMETRIC = EnumSet.of(Algorithm.RATCLIFF_OBERSHELP);

    private final SimilarityService service = new SimilarityService();
    private final Random random = new Random(2024L);

    @Test
    void normalized_values_stay_within_zero_and_one_and_add_up_to_one() {
        for (Algorithm algorithm : Algorithm.values()) {
            for (int i = 0; i < 300; i++) {
                SimilarityScores s = service.compare(text(), text(), algorithm);

                assertThat(s.normalizedDistance()).as("%s", algorithm).isBetween(0.0, 1.0);
                assertThat(s.normalizedSimilarity()).as("%s", algorithm).isBetween(0.0, 1.0);
                assertThat(s.normalizedDistance() + s.normalizedSimilarity()).isCloseTo(1.0, offset(1e-12));
            }
        }
    }

    @Test
    void symmetric_algorithms_give_the_same_numbers_both_ways() {
        for (Algorithm algorithm : EnumSet.complementOf(EnumSet.copyOf(ASYMMETRIC))) {
            for (int i = 0; i < 300; i++) {
                String a = text();
                String b = text();

                assertThat(service.compare(a, b, algorithm)).as("%s(%s, %s)", algorithm, a, b)
                        .isEqualTo(service.compare(b, a, algorithm));
            }
        }
    }

    @Test
    void ratcliff_obershelp_depends_on_the_argument_order_as_in_textdistance() {
        assertThat(service.compare(" abb  ba", "b a", Algorithm.RATCLIFF_OBERSHELP).similarity())
                .isEqualTo(0.36363636363636365);
        assertThat(service.compare("b a", " abb  ba", Algorithm.RATCLIFF_OBERSHELP).similarity())
                .isEqualTo(0.5454545454545454);
    }

    @Test
    void levenshtein_and_unrestricted_damerau_satisfy_the_triangle_inequality() {
        AlgorithmOptions unrestricted = AlgorithmOptions.DEFAULTS.withRestricted(false);
        for (int i = 0; i < 2_000; i++) {
            String a = text();
            String b = text();
            String c = text();

            assertThat(distance(a, c, Algorithm.LEVENSHTEIN, AlgorithmOptions.DEFAULTS)).isLessThanOrEqualTo(
                    distance(a, b, Algorithm.LEVENSHTEIN, AlgorithmOptions.DEFAULTS)
                            + distance(b, c, Algorithm.LEVENSHTEIN, AlgorithmOptions.DEFAULTS));
            assertThat(distance(a, c, Algorithm.DAMERAU_LEVENSHTEIN, unrestricted)).isLessThanOrEqualTo(
                    distance(a, b, Algorithm.DAMERAU_LEVENSHTEIN, unrestricted)
                            + distance(b, c, Algorithm.DAMERAU_LEVENSHTEIN, unrestricted));
        }
    }

    @Test
    void distances_are_zero_exactly_for_equal_texts_and_bounded_by_the_longer_text() {
        for (int i = 0; i < 500; i++) {
            String a = text();
            String b = random.nextInt(4) == 0 ? a : text();
            double distance = distance(a, b, Algorithm.LEVENSHTEIN, AlgorithmOptions.DEFAULTS);

            assertThat(distance == 0).isEqualTo(a.equals(b));
            assertThat(distance).isLessThanOrEqualTo(Math.max(a.codePointCount(0, a.length()),
                    b.codePointCount(0, b.length())));
            assertThat(distance(a, b, Algorithm.DAMERAU_LEVENSHTEIN, AlgorithmOptions.DEFAULTS))
                    .isLessThanOrEqualTo(distance);
        }
    }

    private double distance(String a, String b, Algorithm algorithm, AlgorithmOptions options) {
        return service.compare(a, b, algorithm, options).distance();
    }

    private String text() {
        int[] symbols = "abcab 😀é".codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(9); i > 0; i--) {
            text.appendCodePoint(symbols[random.nextInt(symbols.length)]);
        }
        return text.toString();
    }
}
