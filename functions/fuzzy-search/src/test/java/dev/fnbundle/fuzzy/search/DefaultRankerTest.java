package dev.fnbundle.fuzzy.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The default ranker ranks the seed's examples sensibly and fixes the seed ranker's misses. */
class DefaultRankerTest {

    private final DefaultRanker ranker = new DefaultRanker();
    private final SeedRanker seed = new SeedRanker();

    @Test
    void seed_queries_find_the_intended_item_first() {
        assertThat(top("pythn programming")).isEqualTo("Python Programming Complete Guide");
        assertThat(top("machne learning")).isEqualTo("Machine Learning Fundamentals");
        assertThat(top("docker kubernetes")).isEqualTo("Docker and Kubernetes DevOps");
        assertThat(top("sql databse")).isEqualTo("Advanced SQL Database Design");
    }

    @Test
    void a_misspelled_query_returns_only_the_relevant_item_where_the_seed_adds_noise() {
        List<RankedText> seedResults = seed.search("pythn programing", SeedRankerTest.CATALOG, 0.4, 3);
        List<RankedText> defaultResults = ranker.search("pythn programing", SeedRankerTest.CATALOG, 0.4, 3);

        assertThat(seedResults).extracting(RankedText::text).contains("Learning JavaScript for Beginners",
                "React Frontend Development");
        assertThat(defaultResults).extracting(RankedText::text).containsExactly("Python Programming Complete Guide");
        assertThat(defaultResults.get(0).score()).isGreaterThan(seedResults.get(0).score());
    }

    @Test
    void reordered_keywords_are_found_where_the_seed_finds_nothing() {
        assertThat(seed.search("flask web", SeedRankerTest.CATALOG, 0.4, 3)).isEmpty();

        assertThat(ranker.search("flask web", SeedRankerTest.CATALOG, 0.4, 3)).extracting(RankedText::text)
                .containsExactly("Web Development with Flask");
    }

    @Test
    void a_single_misspelled_word_scores_far_above_the_seed() {
        double seedScore = seed.score("kubernets", "Docker and Kubernetes DevOps");
        double defaultScore = ranker.score("kubernets", "Docker and Kubernetes DevOps");

        assertThat(defaultScore).isGreaterThan(seedScore + 0.2);
    }

    @Test
    void partly_typed_words_get_prefix_credit() {
        assertThat(DefaultRanker.wordSimilarity(WordForm.of("prog"), WordForm.of("programming"))).isEqualTo(0.9);
        assertThat(top("javascr beg")).isEqualTo("Learning JavaScript for Beginners");
    }

    @Test
    void sound_alike_spellings_get_the_phonetic_boost() {
        List<String> catalog = List.of("Foam Roller", "Photo Frame Deluxe", "Phone Case");

        double similarity = DefaultRanker.wordSimilarity(WordForm.of("foto"), WordForm.of("photo"));
        List<RankedText> results = ranker.search("foto frame", catalog, 0.4, 3);

        assertThat(similarity).isEqualTo(0.85);
        assertThat(results.get(0).text()).isEqualTo("Photo Frame Deluxe");
    }

    @Test
    void words_below_the_floor_do_not_count() {
        assertThat(DefaultRanker.wordSimilarity(WordForm.of("docker"), WordForm.of("development"))).isZero();
        assertThat(ranker.score("docker", "React Frontend Development")).isZero();
    }

    @Test
    void accents_and_punctuation_do_not_split_or_break_words() {
        assertThat(WordForm.split("Café Wi-Fi 6E, ÉTÉ")).containsExactly("cafe", "wi", "fi", "6e", "ete");
        assertThat(ranker.score("cafe", "Café Crème")).isEqualTo(ranker.score("café", "Cafe Creme"));
    }

    @Test
    void the_score_is_deterministic_and_within_bounds() {
        double first = ranker.score("docker kubernetes", "Docker and Kubernetes DevOps");

        assertThat(ranker.score("docker kubernetes", "Docker and Kubernetes DevOps")).isEqualTo(first);
        assertThat(first).isBetween(0.0, 1.0);
        assertThat(ranker.score("usb cable", "usb cable")).isEqualTo(1.0);
    }

    private String top(String query) {
        return ranker.search(query, SeedRankerTest.CATALOG, 0.4, 3).get(0).text();
    }
}
