package dev.fnbundle.fuzzy.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The index's default-ranker search equals the plain {@link DefaultRanker} scanning every item. */
class CatalogIndexDefaultEquivalenceTest {

    private static final double[] THRESHOLDS = {0, 0.3, 0.4, 0.6, 0.8, 1};

    @Test
    void indexed_default_search_equals_a_full_scan_on_random_catalogs() {
        Random random = new Random(77L);
        DefaultRanker ranker = new DefaultRanker();
        for (int round = 0; round < 20; round++) {
            List<CatalogItem> items = RandomCatalogs.catalog(random, 1 + random.nextInt(150));
            CatalogIndex index = CatalogIndex.build(items);
            for (int q = 0; q < 15; q++) {
                String text = RandomCatalogs.query(random);
                SearchQuery query = new SearchQuery(text, 1 + random.nextInt(6),
                        THRESHOLDS[random.nextInt(THRESHOLDS.length)], Ranker.DEFAULT);

                List<SearchHit> indexed = index.search(query).hits();
                List<RankedText> scanned = ranker.search(text, RandomCatalogs.texts(items), query.threshold(),
                        query.limit());

                List<RankedText> actual = new ArrayList<>();
                indexed.forEach(hit -> actual.add(new RankedText(hit.position(), hit.text(), hit.score())));
                assertThat(actual).as("round %d query %s", round, query).isEqualTo(scanned);
                assertThat(index.scan(query).hits()).isEqualTo(indexed);
            }
        }
    }

    @Test
    void indexed_default_search_equals_a_full_scan_on_a_product_catalog_with_typos() {
        Random random = new Random(12L);
        List<CatalogItem> items = RandomCatalogs.productCatalog(random, 3_000);
        CatalogIndex index = CatalogIndex.build(items);
        long scored = 0;
        for (int q = 0; q < 150; q++) {
            String title = items.get(random.nextInt(items.size())).text();
            int cut = 1 + random.nextInt(title.length() - 1);
            String typo = title.substring(0, cut) + title.substring(Math.min(title.length(), cut + 1));
            SearchQuery query = new SearchQuery(random.nextBoolean() ? typo.toLowerCase(Locale.ROOT) : typo,
                    1 + random.nextInt(10), THRESHOLDS[random.nextInt(THRESHOLDS.length)], Ranker.DEFAULT);

            SearchResult indexed = index.search(query);
            SearchResult scanned = index.scan(query);

            assertThat(indexed.hits()).as("query %s", query).isEqualTo(scanned.hits());
            assertThat(indexed.didYouMean()).isEqualTo(scanned.didYouMean());
            scored += indexed.scoredItems();
        }
        assertThat(scored / 150).as("items scored per query").isLessThan(items.size() / 4);
    }

    @Test
    void queries_with_merged_misspelt_words_and_model_numbers_return_exactly_the_hits_of_a_full_scan() {
        Random random = new Random(2026L);
        List<CatalogItem> items = RandomCatalogs.productCatalog(random, 4_000);
        CatalogIndex index = CatalogIndex.build(items);
        DefaultRanker ranker = new DefaultRanker();
        List<String> texts = RandomCatalogs.texts(items);
        for (int q = 0; q < 60; q++) {
            StringBuilder typo = new StringBuilder(items.get(random.nextInt(items.size())).text());
            for (int t = 0; t < 1 + random.nextInt(3); t++) {
                int at = 1 + random.nextInt(typo.length() - 2);
                // A space typed as a letter merges two words into one of 12+ letters; digits change model numbers.
                typo.setCharAt(at, typo.charAt(at) == ' ' || random.nextBoolean()
                        ? (char) ('a' + random.nextInt(26)) : (char) ('0' + random.nextInt(10)));
            }
            SearchQuery query = new SearchQuery(typo.toString(), 1 + random.nextInt(5),
                    THRESHOLDS[random.nextInt(THRESHOLDS.length)], Ranker.DEFAULT);

            List<RankedText> expected = ranker.search(query.text(), texts, query.threshold(), query.limit());

            List<RankedText> actual = new ArrayList<>();
            index.search(query).hits().forEach(hit -> actual.add(new RankedText(hit.position(), hit.text(),
                    hit.score())));
            assertThat(actual).as("query %s", query).isEqualTo(expected);
        }
    }

    @Test
    void queries_with_more_words_than_the_match_masks_hold_still_equal_a_full_scan() {
        Random random = new Random(78L);
        List<CatalogItem> items = RandomCatalogs.catalog(random, 200);
        CatalogIndex index = CatalogIndex.build(items);
        StringBuilder text = new StringBuilder();
        while (text.length() < 240) {
            text.append(RandomCatalogs.phrase(random).split(" ")[0].substring(0, 1)).append(' ');
        }
        text.append("wireles chargr");
        SearchQuery query = new SearchQuery(text.toString(), 5, 0.05, Ranker.DEFAULT);

        List<RankedText> expected = new DefaultRanker().search(query.text(), RandomCatalogs.texts(items),
                query.threshold(), query.limit());

        assertThat(index.search(query).hits()).extracting(SearchHit::position)
                .containsExactlyElementsOf(expected.stream().map(RankedText::position).toList());
        assertThat(index.search(query).hits()).extracting(SearchHit::score)
                .containsExactlyElementsOf(expected.stream().map(RankedText::score).toList());
        assertThat(expected).isNotEmpty();
    }

    @Test
    void when_nothing_passes_the_threshold_a_correction_from_the_vocabulary_is_offered() {
        List<CatalogItem> items = new ArrayList<>();
        for (int i = 0; i < SeedRankerTest.CATALOG.size(); i++) {
            items.add(new CatalogItem("book-" + i, SeedRankerTest.CATALOG.get(i)));
        }
        CatalogIndex index = CatalogIndex.build(items);

        SearchResult result = index.search(new SearchQuery("kubernets devosp", 3, 0.99, Ranker.DEFAULT));
        SearchResult found = index.search(new SearchQuery("kubernets devosp", 3, 0.4, Ranker.DEFAULT));

        assertThat(result.hits()).isEmpty();
        assertThat(result.didYouMean()).contains("kubernetes devops");
        assertThat(found.hits()).extracting(SearchHit::id).containsExactly("book-6");
        assertThat(found.didYouMean()).isEmpty();
    }

    @Test
    void no_correction_is_offered_when_every_word_is_already_in_the_vocabulary_or_unknown() {
        CatalogIndex index = CatalogIndex.build(List.of(new CatalogItem("1", "usb cable")));

        SearchResult result = index.search(new SearchQuery("zzzz qqqq", 3, 0.4, Ranker.SEED));

        assertThat(result.hits()).isEmpty();
        assertThat(result.didYouMean()).isEmpty();
    }
}
