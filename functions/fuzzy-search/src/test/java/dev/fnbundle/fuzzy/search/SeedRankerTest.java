package dev.fnbundle.fuzzy.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnbundle.fuzzy.testing.PythonReference;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's fuzzy_search: its catalog and queries give the figures the issue computed with textdistance (not the
 * illustrative ones printed in the tutorial), to 3 places and to the last bit; random catalogs match the Python seed
 * code run on the textdistance transcription.
 */
class SeedRankerTest {

    static final List<String> CATALOG = List.of(
            "Python Programming Complete Guide",
            "Learning JavaScript for Beginners",
            "Data Science with Pandas and NumPy",
            "Machine Learning Fundamentals",
            "Web Development with Flask",
            "Advanced SQL Database Design",
            "Docker and Kubernetes DevOps",
            "React Frontend Development");

    private final SeedRanker ranker = new SeedRanker();

    @Test
    void seed_queries_give_the_issue_figures_to_three_places() {
        assertThat(rounded("pythn programming")).containsExactly(
                "0.697 Python Programming Complete Guide", "0.427 Learning JavaScript for Beginners");
        assertThat(rounded("machne learning")).containsExactly(
                "0.684 Machine Learning Fundamentals", "0.475 React Frontend Development",
                "0.463 Learning JavaScript for Beginners");
        assertThat(rounded("docker kubernetes")).containsExactly(
                "0.747 Docker and Kubernetes DevOps", "0.493 React Frontend Development",
                "0.478 Web Development with Flask");
        assertThat(rounded("sql databse")).containsExactly("0.519 Advanced SQL Database Design");
    }

    @Test
    void seed_queries_give_textdistance_doubles_to_the_last_bit() {
        assertThat(scores("pythn programming")).containsExactly(0.6973262032085561, 0.4273540357131688);
        assertThat(scores("machne learning")).containsExactly(0.6836781609195403, 0.47521367521367525,
                0.462987012987013);
        assertThat(scores("docker kubernetes")).containsExactly(0.7466386554621849, 0.49311646607661785,
                0.4779649509251027);
        assertThat(scores("sql databse")).containsExactly(0.5194805194805194);
    }

    @Test
    void the_threshold_is_inclusive() {
        double exact = ranker.score("sql databse", "Advanced SQL Database Design");

        assertThat(ranker.search("sql databse", CATALOG, exact, 3)).hasSize(1);
        assertThat(ranker.search("sql databse", CATALOG, Math.nextUp(exact), 3)).isEmpty();
    }

    @Test
    void equal_scores_keep_catalog_order_like_pythons_stable_sort() {
        List<String> catalog = List.of("usb cable", "zzz", "USB Cable", "usb cabel", "usb cable");

        List<RankedText> results = ranker.search("usb cable", catalog, 0.0, 5);

        assertThat(results).extracting(RankedText::position).containsExactly(0, 2, 4, 3, 1);
        assertThat(results.get(0).score()).isEqualTo(results.get(2).score()).isEqualTo(1.0);
    }

    @Test
    void the_index_gives_the_seed_figures_too() {
        List<CatalogItem> items = new ArrayList<>();
        for (int i = 0; i < CATALOG.size(); i++) {
            items.add(new CatalogItem("book-" + i, CATALOG.get(i)));
        }
        CatalogIndex index = CatalogIndex.build(items);

        List<SearchHit> hits = index.search(new SearchQuery("docker kubernetes", 3, 0.4, Ranker.SEED)).hits();

        assertThat(hits).extracting(SearchHit::id).containsExactly("book-6", "book-7", "book-4");
        assertThat(hits).extracting(SearchHit::score).containsExactly(0.7466386554621849, 0.49311646607661785,
                0.4779649509251027);
    }

    @Test
    void random_catalogs_match_the_python_seed_code_to_the_last_bit() {
        PythonReference.assumePython();
        Random random = new Random(99L);
        ObjectNode request = PythonReference.request();
        ArrayNode seed = request.putArray("seed");
        List<List<RankedText>> expected = new ArrayList<>();
        for (int round = 0; round < 60; round++) {
            List<String> catalog = RandomCatalogs.texts(RandomCatalogs.catalog(random, 1 + random.nextInt(40)));
            String query = RandomCatalogs.query(random);
            double threshold = random.nextInt(5) * 0.2;
            int topN = 1 + random.nextInt(5);
            ObjectNode node = seed.addObject().put("query", query).put("threshold", threshold).put("top_n", topN);
            catalog.forEach(node.putArray("catalog")::add);
            expected.add(ranker.search(query, catalog, threshold, topN));
        }
        JsonNode answer = PythonReference.call(request).get("seed");

        for (int round = 0; round < expected.size(); round++) {
            List<String> python = new ArrayList<>();
            answer.get(round).forEach(hit -> python.add(PythonReference.number(hit.get("score")) + " "
                    + hit.get("text").asText()));
            List<String> java = expected.get(round).stream().map(hit -> hit.score() + " " + hit.text()).toList();
            assertThat(java).as("round %d", round).isEqualTo(python);
        }
    }

    private List<String> rounded(String query) {
        return ranker.search(query, CATALOG, 0.4, 3).stream()
                .map(hit -> String.format(Locale.ROOT, "%.3f %s", hit.score(), hit.text())).toList();
    }

    private List<Double> scores(String query) {
        return ranker.search(query, CATALOG, 0.4, 3).stream().map(RankedText::score).toList();
    }
}
