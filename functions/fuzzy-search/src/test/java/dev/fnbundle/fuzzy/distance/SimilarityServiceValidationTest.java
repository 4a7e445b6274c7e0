package dev.fnbundle.fuzzy.distance;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.fuzzy.InputTooLongException;
import dev.fnbundle.fuzzy.UndefinedSimilarityException;
import dev.fnbundle.fuzzy.UnknownAlgorithmException;
import dev.fnbundle.fuzzy.UnsupportedOptionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry's names, the options each algorithm owns, the length limits and textdistance's undefined cases. */
class SimilarityServiceValidationTest {

    private final SimilarityService service = new SimilarityService();

    @Test
    void the_registry_uses_textdistance_names() {
        assertThat(Algorithm.names()).containsExactly("hamming", "levenshtein", "damerau_levenshtein", "jaro",
                "jaro_winkler", "jaccard", "sorensen_dice", "tversky", "overlap", "cosine", "lcsseq", "lcsstr",
                "ratcliff_obershelp");
        assertThat(Algorithm.fromName("sorensen_dice")).isEqualTo(Algorithm.SORENSEN_DICE);
    }

    @Test
    void unknown_algorithms_are_rejected_with_every_valid_name() {
        assertThatThrownBy(() -> Algorithm.fromName("Levenshtein"))
                .isInstanceOfSatisfying(UnknownAlgorithmException.class, e -> {
                    assertThat(e.field()).isEqualTo("algorithm");
                    assertThat(e.requested()).isEqualTo("Levenshtein");
                    assertThat(e.validNames()).hasSize(13).contains("levenshtein");
                    assertThat(e.getMessage()).contains("valid: hamming, levenshtein");
                });
    }

    @Test
    void the_integral_algorithms_are_documented_as_such() {
        assertThat(Algorithm.values()).filteredOn(Algorithm::integral).containsExactly(Algorithm.HAMMING,
                Algorithm.LEVENSHTEIN, Algorithm.DAMERAU_LEVENSHTEIN, Algorithm.LCSSEQ, Algorithm.LCSSTR);
    }

    @Test
    void quadratic_algorithms_cap_each_text_at_two_thousand_code_points() {
        String emoji = "😀".repeat(2_001);

        assertThatThrownBy(() -> service.compare("ok", emoji, Algorithm.LEVENSHTEIN))
                .isInstanceOfSatisfying(InputTooLongException.class, e -> {
                    assertThat(e.field()).isEqualTo("b");
                    assertThat(e.length()).isEqualTo(2_001);
                    assertThat(e.limit()).isEqualTo(2_000);
                });
        assertThat(service.compare("😀".repeat(2_000), "ok", Algorithm.LEVENSHTEIN).distance()).isEqualTo(2_000);
        assertThat(service.compare("a".repeat(50_000), "b", Algorithm.JACCARD).similarity()).isZero();
    }

    @Test
    void options_an_algorithm_does_not_have_are_rejected() {
        assertThatThrownBy(() -> service.compare("a", "b", Algorithm.LEVENSHTEIN,
                AlgorithmOptions.DEFAULTS.withAsSet(true)))
                .isInstanceOfSatisfying(UnsupportedOptionException.class, e -> {
                    assertThat(e.algorithm()).isEqualTo("levenshtein");
                    assertThat(e.option()).isEqualTo("asSet");
                });
        assertThatThrownBy(() -> service.compare("a", "b", Algorithm.LCSSEQ, AlgorithmOptions.DEFAULTS.withQval(2)))
                .isInstanceOfSatisfying(UnsupportedOptionException.class, e -> assertThat(e.option())
                        .isEqualTo("qval"));
    }

    @Test
    void out_of_range_options_name_their_field() {
        assertThatThrownBy(() -> service.compare("a", "b", Algorithm.JACCARD, AlgorithmOptions.DEFAULTS.withQval(-1)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.fields()).singleElement()
                        .isEqualTo("qval"));
        assertThatThrownBy(() -> service.compare("a", "b", Algorithm.JARO_WINKLER,
                AlgorithmOptions.DEFAULTS.withPrefixWeight(0.3)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.fields()).singleElement()
                        .isEqualTo("prefixWeight"));
        assertThatThrownBy(() -> service.compare(null, "b", Algorithm.JACCARD))
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.fields()).singleElement().isEqualTo("a"));
    }

    @Test
    void where_textdistance_divides_by_zero_the_similarity_is_undefined() {
        AlgorithmOptions bigrams = AlgorithmOptions.DEFAULTS.withQval(2);

        assertThatThrownBy(() -> service.compare("a", "b", Algorithm.JACCARD, bigrams))
                .isInstanceOfSatisfying(UndefinedSimilarityException.class, e -> assertThat(e.algorithm())
                        .isEqualTo("jaccard"));
        assertThatThrownBy(() -> service.compare("a", "bcd", Algorithm.OVERLAP, bigrams))
                .isInstanceOf(UndefinedSimilarityException.class);
        assertThat(service.compare("a", "a", Algorithm.JACCARD, bigrams).similarity()).isEqualTo(1.0);
        assertThat(service.compare("a", "b", Algorithm.JARO_WINKLER, bigrams).similarity()).isEqualTo(1.0);
    }
}
