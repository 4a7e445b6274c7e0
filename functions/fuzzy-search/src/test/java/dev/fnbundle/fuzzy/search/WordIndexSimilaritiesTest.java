package dev.fnbundle.fuzzy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vocabulary trie finds exactly the words a comparison with every vocabulary word finds, with the same doubles:
 * edit, prefix and phonetic matches, on vocabularies built to share prefixes, differ by transpositions and hold words
 * far longer than the query's.
 */
class WordIndexSimilaritiesTest {

    @Test
    void the_index_matches_exactly_what_comparing_every_vocabulary_word_matches() {
        Random random = new Random(2024L);
        for (int round = 0; round < 40; round++) {
            String alphabet = round % 3 == 0 ? "ab" : round % 3 == 1 ? "abcde" : "abcdefghijklmnopqrstuvwxyz0189";
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                texts.add(word(random, alphabet, 1 + random.nextInt(random.nextInt(10) == 0 ? 30 : 9)) + " "
                        + word(random, alphabet, 1 + random.nextInt(6)));
            }
            WordIndex index = new WordIndex(texts);
            for (int q = 0; q < 20; q++) {
                List<WordForm> query = DefaultRanker.forms(random.nextBoolean()
                        ? mutate(random, texts.get(random.nextInt(texts.size())))
                        : word(random, alphabet, 1 + random.nextInt(12)));

                assertEqualsFullComparison(index, query);
            }
        }
    }

    @Test
    void product_words_numbers_and_sound_alikes_match_as_a_full_comparison() {
        Random random = new Random(7L);
        List<CatalogItem> items = RandomCatalogs.productCatalog(random, 2_000);
        WordIndex index = new WordIndex(RandomCatalogs.texts(items));
        List<String> queries = new ArrayList<>(List.of("smyth kathy nite", "hedphones wireles", "prog", "4521",
                "x", "ab", "model 1000 laptp", "globex-ultra-keybaord", "caféé", "日本語", "😀x"));
        for (int q = 0; q < 60; q++) {
            queries.add(mutate(random, items.get(random.nextInt(items.size())).text()));
        }
        for (String text : queries) {
            assertEqualsFullComparison(index, DefaultRanker.forms(text));
        }
    }

    @Test
    void a_query_word_longer_than_every_vocabulary_word_and_one_far_shorter_still_match_exactly() {
        WordIndex index = new WordIndex(List.of("a ab abc abcd programming programmer progress pro",
                "x".repeat(300) + " " + "xy".repeat(120)));
        for (String text : List.of("x".repeat(256), "xy".repeat(100) + "x", "programing", "pr", "prog", "a",
                "abcdefghij")) {
            assertEqualsFullComparison(index, DefaultRanker.forms(text));
        }
    }

    private static void assertEqualsFullComparison(WordIndex index, List<WordForm> query) {
        WordMatches matches = index.similarities(query);
        int matched = 0;
        for (int v = 0; v < index.vocabularySize(); v++) {
            WordForm word = WordForm.of(index.word(v));
            double[] expected = new double[query.size()];
            boolean any = false;
            for (int i = 0; i < query.size(); i++) {
                expected[i] = DefaultRanker.wordSimilarity(query.get(i), word);
                any |= expected[i] > 0;
            }
            double[] actual = matches.rowOf(v);
            if (any) {
                matched++;
                assertThat(actual).as("word %s for %s", word.text(), query).isNotNull();
                assertThat(Arrays.equals(actual, expected)).as("word %s for %s: %s vs %s", word.text(), query,
                        Arrays.toString(actual), Arrays.toString(expected)).isTrue();
            } else {
                assertThat(actual).as("word %s for %s", word.text(), query).isNull();
            }
        }
        assertThat(matches.size()).isEqualTo(matched);
    }

    private static String word(Random random, String alphabet, int length) {
        StringBuilder word = new StringBuilder();
        for (int k = 0; k < length; k++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }

    /** One to three deletions, swaps of neighbours, substitutions or insertions. */
    private static String mutate(Random random, String text) {
        StringBuilder typo = new StringBuilder(text);
        for (int t = 0; t < 1 + random.nextInt(3) && typo.length() > 2; t++) {
            int at = random.nextInt(typo.length() - 1);
            switch (random.nextInt(4)) {
                case 0 -> typo.deleteCharAt(at);
                case 1 -> {
                    char c = typo.charAt(at);
                    typo.setCharAt(at, typo.charAt(at + 1));
                    typo.setCharAt(at + 1, c);
                }
                case 2 -> typo.setCharAt(at, (char) ('a' + random.nextInt(26)));
                default -> typo.insert(at, (char) ('a' + random.nextInt(26)));
            }
        }
        return typo.toString();
    }
}
