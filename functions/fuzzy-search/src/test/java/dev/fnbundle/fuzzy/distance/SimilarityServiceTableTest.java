package dev.fnbundle.fuzzy.distance;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expected values of every algorithm, computed with textdistance's definitions (the Python transcription in the test
 * resources). They include the seed tutorial's pairs, whose printed figures are illustrative: for example
 * jaro_winkler("colour", "color") is 0.9667, not 0.933, and jaccard of the same pair 0.8333, not 0.800. Edge cases:
 * empty and identical texts, hamming on unequal lengths, emoji beyond the BMP (one code point each), qval 0 and 2,
 * asSet, unrestricted Damerau, and normalized similarities that differ from the similarity in the last bit because
 * textdistance computes {@code 1 - (1 - s)}.
 */
class SimilarityServiceTableTest {

    private final SimilarityService service = new SimilarityService();

    static Stream<Arguments> table() {
        return Stream.of(
            row("hamming", "karolin", "kathrin", "", 3.0, 4.0, 0.42857142857142855, 0.5714285714285714),
            row("hamming", "abc", "abcde", "", 2.0, 3.0, 0.4, 0.6),
            row("hamming", "", "ab", "", 2.0, 0.0, 1.0, 0.0),
            row("hamming", "😀😁x", "😀😀x", "", 1.0, 2.0, 0.3333333333333333, 0.6666666666666667),
            row("hamming", "ab cd", "ab ce", "qval=0", 1.0, 4.0, 0.2, 0.8),
            row("levenshtein", "kitten", "sitting", "", 3.0, 4.0, 0.42857142857142855, 0.5714285714285714),
            row("levenshtein", "python", "pyhton", "", 2.0, 4.0, 0.3333333333333333, 0.6666666666666667),
            row("levenshtein", "colour", "color", "", 1.0, 5.0, 0.16666666666666666, 0.8333333333333334),
            row("levenshtein", "algorithm", "altgorithm", "", 1.0, 9.0, 0.1, 0.9),
            row("levenshtein", "", "", "", 0.0, 0.0, 0.0, 1.0),
            row("levenshtein", "", "abc", "", 3.0, 0.0, 1.0, 0.0),
            row("levenshtein", "😀a", "a😀", "", 2.0, 0.0, 1.0, 0.0),
            row("levenshtein", "kitten", "sitting", "qval=2", 4.0, 3.0, 0.5714285714285714, 0.4285714285714286),
            row("levenshtein", "a b c", "a c", "qval=0", 1.0, 4.0, 0.2, 0.8),
            row("damerau_levenshtein", "python", "pyhton", "", 1.0, 5.0, 0.16666666666666666, 0.8333333333333334),
            row("damerau_levenshtein", "ca", "abc", "", 3.0, 0.0, 1.0, 0.0),
            row("damerau_levenshtein", "ca", "abc", "restricted=false", 2.0, 1.0, 0.6666666666666666,
                    0.33333333333333337),
            row("damerau_levenshtein", "kitten", "sitting", "", 3.0, 4.0, 0.42857142857142855, 0.5714285714285714),
            row("jaro", "martha", "marhta", "", 0.05555555555555547, 0.9444444444444445, 0.05555555555555547,
                    0.9444444444444445),
            row("jaro", "dixon", "dicksonx", "", 0.2333333333333334, 0.7666666666666666, 0.2333333333333334,
                    0.7666666666666666),
            row("jaro", "Robert", "Bob", "", 0.33333333333333337, 0.6666666666666666, 0.33333333333333337,
                    0.6666666666666666),
            row("jaro_winkler", "martha", "marhta", "", 0.03888888888888886, 0.9611111111111111, 0.03888888888888886,
                    0.9611111111111111),
            row("jaro_winkler", "John Smith", "Jon Smith", "", 0.026666666666666616, 0.9733333333333334,
                    0.026666666666666616, 0.9733333333333334),
            row("jaro_winkler", "McDonald", "MacDonald", "", 0.03333333333333344, 0.9666666666666666,
                    0.03333333333333344, 0.9666666666666666),
            row("jaro_winkler", "colour", "color", "", 0.033333333333333326, 0.9666666666666667, 0.033333333333333326,
                    0.9666666666666667),
            row("jaro_winkler", "two long strings", "two long stringz", "longTolerance=true", 0.015384615384615441,
                    0.9846153846153846, 0.015384615384615441, 0.9846153846153846),
            row("jaro_winkler", "martha", "marhta", "prefixWeight=0.2", 0.022222222222222143, 0.9777777777777779,
                    0.022222222222222143, 0.9777777777777779),
            row("jaro_winkler", "martha", "marhta", "winklerize=false", 0.05555555555555547, 0.9444444444444445,
                    0.05555555555555547, 0.9444444444444445),
            row("jaro_winkler", "", "", "", 0.0, 1.0, 0.0, 1.0),
            row("jaro_winkler", "a", "", "", 1.0, 0.0, 1.0, 0.0),
            row("jaccard", "colour", "color", "", 0.16666666666666663, 0.8333333333333334, 0.16666666666666663,
                    0.8333333333333334),
            row("jaccard", "aab", "abb", "", 0.5, 0.5, 0.5, 0.5),
            row("jaccard", "aab", "abb", "asSet=true", 0.0, 1.0, 0.0, 1.0),
            row("jaccard", "night", "nacht", "qval=2", 0.8571428571428572, 0.14285714285714285, 0.8571428571428572,
                    0.1428571428571428),
            row("jaccard", "Python programming for beginners complete guide 2024",
                    "Complete Python programming guide for beginners 2024", "qval=0", 0.25, 0.75, 0.25, 0.75),
            row("jaccard", "😀😀a", "😀a", "", 0.33333333333333337, 0.6666666666666666, 0.33333333333333337,
                    0.6666666666666666),
            row("sorensen_dice", "night", "nacht", "", 0.4, 0.6, 0.4, 0.6),
            row("sorensen_dice", "night", "nacht", "qval=2", 0.75, 0.25, 0.75, 0.25),
            row("tversky", "night", "nacht", "", 0.5714285714285714, 0.42857142857142855, 0.5714285714285714,
                    0.4285714285714286),
            row("tversky", "night", "nacht", "ks=0.5,0.5", 0.4, 0.6, 0.4, 0.6),
            row("overlap", "abc", "abcdef", "", 0.0, 1.0, 0.0, 1.0),
            row("overlap", "aabb", "ab", "asSet=true", 0.0, 1.0, 0.0, 1.0),
            row("cosine", "night", "nacht", "", 0.4, 0.6, 0.4, 0.6),
            row("cosine", "aab", "ab", "", 0.18350341907227385, 0.8164965809277261, 0.18350341907227385,
                    0.8164965809277261),
            row("lcsseq", "test", "text", "", 1.0, 3.0, 0.25, 0.75),
            row("lcsseq", "AGGTAB", "GXTXAYB", "", 3.0, 4.0, 0.42857142857142855, 0.5714285714285714),
            row("lcsseq", "", "abc", "", 3.0, 0.0, 1.0, 0.0),
            row("lcsstr", "abcd", "bcda", "", 1.0, 3.0, 0.25, 0.75),
            row("lcsstr", "😀abc😀", "xabc😀", "", 1.0, 4.0, 0.2, 0.8),
            row("ratcliff_obershelp", "GESTALT PATTERN MATCHING", "GESTALT PRACTICE", "", 0.4, 0.6, 0.4, 0.6),
            row("ratcliff_obershelp", "WIKIMEDIA", "WIKIMANIA", "", 0.2222222222222222, 0.7777777777777778,
                    0.2222222222222222, 0.7777777777777778),
            row("ratcliff_obershelp", "abc", "", "", 1.0, 0.0, 1.0, 0.0));
    }

    @ParameterizedTest(name = "{0}({1}, {2}) [{3}]")
    @MethodSource("table")
    void algorithm_gives_textdistance_values(String algorithm, String a, String b, String options,
                                             SimilarityScores expected) {
        SimilarityScores actual = service.compare(a, b, Algorithm.fromName(algorithm), parse(options));

        assertThat(actual).isEqualTo(expected);
    }

    private static Arguments row(String algorithm, String a, String b, String options, double distance,
                                 double similarity, double normalizedDistance, double normalizedSimilarity) {
        return Arguments.of(algorithm, a, b, options,
                new SimilarityScores(distance, similarity, normalizedDistance, normalizedSimilarity));
    }

    private static AlgorithmOptions parse(String options) {
        AlgorithmOptions parsed = AlgorithmOptions.DEFAULTS;
        for (String option : options.split(";")) {
            if (option.isEmpty()) {
                continue;
            }
            String[] pair = option.split("=");
            parsed = switch (pair[0]) {
                case "qval" -> parsed.withQval(Integer.parseInt(pair[1]));
                case "asSet" -> parsed.withAsSet(Boolean.parseBoolean(pair[1]));
                case "restricted" -> parsed.withRestricted(Boolean.parseBoolean(pair[1]));
                case "longTolerance" -> parsed.withLongTolerance(Boolean.parseBoolean(pair[1]));
                case "winklerize" -> parsed.withWinklerize(Boolean.parseBoolean(pair[1]));
                case "prefixWeight" -> parsed.withPrefixWeight(Double.parseDouble(pair[1]));
                case "ks" -> parsed.withTverskyWeights(Double.parseDouble(pair[1].split(",")[0]),
                        Double.parseDouble(pair[1].split(",")[1]));
                default -> throw new IllegalArgumentException(option);
            };
        }
        return parsed;
    }
}
