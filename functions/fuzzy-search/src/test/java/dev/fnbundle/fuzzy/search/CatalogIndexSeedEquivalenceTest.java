package dev.fnbundle.fuzzy.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index's seed search returns exactly what a full scan and the plain {@link SeedRanker} return: same items, same
 * scores to the last bit, same order including ties, for random catalogs, thresholds (0 and 1 included) and limits.
 */
class CatalogIndexSeedEquivalenceTest {

    private static final double[] THRESHOLDS = {0, 0.2, 0.4, 0.4, 0.55, 0.7, 0.85, 1};

    @Test
    void indexed_seed_search_equals_a_full_scan_on_random_catalogs() {
        Random random = new Random(42L);
        int queries = 0;
        for (int round = 0; round < 30; round++) {
            List<CatalogItem> items = RandomCatalogs.catalog(random, 1 + random.nextInt(300));
            CatalogIndex index = CatalogIndex.build(items);
            for (int q = 0; q < 25; q++) {
                SearchQuery query = new SearchQuery(RandomCatalogs.query(random), 1 + random.nextInt(8),
                        THRESHOLDS[random.nextInt(THRESHOLDS.length)], Ranker.SEED);

                SearchResult indexed = index.search(query);
                SearchResult scanned = index.scan(query);

                assertThat(indexed.hits()).as("round %d query %s", round, query).isEqualTo(scanned.hits());
                assertThat(indexed.didYouMean()).isEqualTo(scanned.didYouMean());
                queries++;
            }
        }
        assertThat(queries).isEqualTo(750);
    }

    @Test
    void the_full_scan_equals_the_plain_seed_ranker() {
        Random random = new Random(43L);
        SeedRanker ranker = new SeedRanker();
        for (int round = 0; round < 10; round++) {
            List<CatalogItem> items = RandomCatalogs.catalog(random, 1 + random.nextInt(200));
            CatalogIndex index = CatalogIndex.build(items);
            for (int q = 0; q < 20; q++) {
                String text = RandomCatalogs.query(random);
                double threshold = THRESHOLDS[random.nextInt(THRESHOLDS.length)];
                int limit = 1 + random.nextInt(8);

                List<SearchHit> hits = index.scan(new SearchQuery(text, limit, threshold, Ranker.SEED)).hits();
                List<RankedText> expected = ranker.search(text, RandomCatalogs.texts(items), threshold, limit);

                List<RankedText> actual = new ArrayList<>();
                hits.forEach(hit -> actual.add(new RankedText(hit.position(), hit.text(), hit.score())));
                assertThat(actual).isEqualTo(expected);
            }
        }
    }

    @Test
    void indexed_seed_search_equals_a_full_scan_on_a_product_catalog_with_tight_thresholds() {
        Random random = new Random(8L);
        List<CatalogItem> items = RandomCatalogs.productCatalog(random, 3000);
        CatalogIndex index = CatalogIndex.build(items);
        for (int q = 0; q < 120; q++) {
            String title = items.get(random.nextInt(items.size())).text();
            String typo = title.substring(0, 1 + random.nextInt(title.length() - 1))
                    + title.substring(Math.min(title.length(), 2 + random.nextInt(title.length())));
            SearchQuery query = new SearchQuery(random.nextBoolean() ? typo.toLowerCase(Locale.ROOT) : typo,
                    1 + random.nextInt(10), 0.3 + 0.1 * random.nextInt(6), Ranker.SEED);

            assertThat(index.search(query).hits()).as("query %s", query).isEqualTo(index.scan(query).hits());
        }
    }

    @Test
    void wide_alphabets_stored_as_chars_or_ints_search_like_a_full_scan() {
        Random random = new Random(9L);
        // 400 distinct characters are stored as chars; about 69 000 (more than 65 536) as ints.
        for (int span : new int[] {400, 200_000}) {
            List<CatalogItem> items = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                StringBuilder text = new StringBuilder();
                for (int k = 0; k < 700; k++) {
                    text.appendCodePoint(0x10000 + random.nextInt(span));
                }
                items.add(new CatalogItem("w" + i, text.toString()));
            }
            CatalogIndex index = CatalogIndex.build(items);
            long distinct = items.stream().flatMapToInt(item -> item.text().codePoints()).distinct().count();
            assertThat(distinct).isGreaterThan(span > 1_000 ? 65_536 : 256);
            for (int q = 0; q < 10; q++) {
                String text = items.get(random.nextInt(items.size())).text();
                int start = text.offsetByCodePoints(0, random.nextInt(400));
                SearchQuery query = new SearchQuery(text.substring(start, text.offsetByCodePoints(start, 200)), 3,
                        0.2, Ranker.SEED);

                assertThat(index.search(query).hits()).isEqualTo(index.scan(query).hits()).isNotEmpty();
            }
        }
    }

    @Test
    void ties_keep_catalog_order_in_the_index_as_in_the_scan() {
        List<CatalogItem> items = List.of(new CatalogItem("a", "usb cable"), new CatalogItem("b", "other"),
                new CatalogItem("c", "USB Cable"), new CatalogItem("d", "usb cable"), new CatalogItem("e", "cable"));
        CatalogIndex index = CatalogIndex.build(items);
        SearchQuery query = new SearchQuery("usb cable", 2, 0.4, Ranker.SEED);

        List<SearchHit> hits = index.search(query).hits();

        assertThat(hits).extracting(SearchHit::id).containsExactly("a", "c");
        assertThat(hits).extracting(SearchHit::score).containsOnly(1.0);
        assertThat(index.search(query).hits()).isEqualTo(index.scan(query).hits());
    }

    @Test
    void a_typo_query_on_a_structured_catalog_scores_a_small_fraction_of_the_items() {
        List<CatalogItem> items = RandomCatalogs.productCatalog(new Random(5L), 4000);
        CatalogIndex index = CatalogIndex.build(items);
        SearchQuery query = new SearchQuery("globex hedphones model 4521", 3, 0.4, Ranker.SEED);

        SearchResult indexed = index.search(query);

        assertThat(indexed.hits()).isEqualTo(index.scan(query).hits());
        assertThat(indexed.scoredItems()).isLessThan(items.size() / 10);
    }
}
