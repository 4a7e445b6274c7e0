package dev.fnbundle.fuzzy.search;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.fuzzy.distance.Algorithm;
import dev.fnbundle.fuzzy.distance.SimilarityService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Likely duplicates with the seed's Jaccard dedupe semantics (textdistance's jaccard: character multisets), equal to
 * comparing every pair with {@link SimilarityService}.
 */
class CatalogDuplicatesTest {

    private static final List<CatalogItem> SEED_DESCRIPTIONS = List.of(
            new CatalogItem("d1", "Python programming for beginners complete guide 2024"),
            new CatalogItem("d2", "Complete Python programming guide for beginners 2024"),
            new CatalogItem("d3", "Java programming for beginners complete guide 2024"),
            new CatalogItem("d4", "Cooking pasta with fresh tomatoes Italian style"));

    private final SimilarityService similarity = new SimilarityService();

    @Test
    void the_seed_dedupe_example_gives_textdistance_jaccard_scores() {
        CatalogIndex index = CatalogIndex.build(SEED_DESCRIPTIONS);

        DuplicateReport report = index.duplicates(new DuplicateQuery(0.8, 10, false));

        assertThat(report.pairs()).containsExactly(
                new DuplicatePair("d1", "d2", 0.9622641509433962, 0, 1),
                new DuplicatePair("d1", "d3", 0.8214285714285714, 0, 2));
        assertThat(report.truncated()).isFalse();
    }

    @Test
    void ignoring_case_makes_reordered_words_identical_at_the_character_level() {
        CatalogIndex index = CatalogIndex.build(SEED_DESCRIPTIONS);

        DuplicateReport report = index.duplicates(new DuplicateQuery(0.8, 1, true));

        assertThat(report.pairs()).containsExactly(new DuplicatePair("d1", "d2", 1.0, 0, 1));
        assertThat(report.totalPairs()).isEqualTo(3);
        assertThat(report.truncated()).isTrue();
    }

    @Test
    void duplicates_equal_an_all_pairs_comparison_on_random_catalogs() {
        Random random = new Random(31L);
        for (int round = 0; round < 25; round++) {
            List<CatalogItem> items = RandomCatalogs.catalog(random, 2 + random.nextInt(120));
            CatalogIndex index = CatalogIndex.build(items);
            double threshold = 0.3 + 0.1 * random.nextInt(8);
            boolean ignoreCase = random.nextBoolean();

            List<DuplicatePair> pairs = index.duplicates(new DuplicateQuery(threshold, 10_000, ignoreCase)).pairs();

            assertThat(pairs).as("round %d threshold %s", round, threshold)
                    .isEqualTo(allPairs(items, threshold, ignoreCase));
        }
    }

    @Test
    void thresholds_outside_zero_to_one_are_rejected() {
        assertThatThrownBy(() -> new DuplicateQuery(0, 10, true))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.fields()).singleElement()
                        .isEqualTo("threshold"));
        assertThatThrownBy(() -> new DuplicateQuery(0.5, 0, true))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.fields()).singleElement()
                        .isEqualTo("limit"));
    }

    private List<DuplicatePair> allPairs(List<CatalogItem> items, double threshold, boolean ignoreCase) {
        List<DuplicatePair> pairs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                String a = items.get(i).text();
                String b = items.get(j).text();
                if (ignoreCase) {
                    a = a.toLowerCase(Locale.ROOT);
                    b = b.toLowerCase(Locale.ROOT);
                }
                double score = similarity.compare(a, b, Algorithm.JACCARD).normalizedSimilarity();
                if (score >= threshold) {
                    pairs.add(new DuplicatePair(items.get(i).id(), items.get(j).id(), score, i, j));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(DuplicatePair::score).reversed()
                .thenComparingInt(DuplicatePair::firstPosition).thenComparingInt(DuplicatePair::secondPosition));
        return pairs;
    }
}
