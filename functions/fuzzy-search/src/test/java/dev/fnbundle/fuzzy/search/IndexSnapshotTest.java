package dev.fnbundle.fuzzy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A stored index loads back equal to a fresh build in every search (hits, scores to the last bit, order, corrections,
 * items scored), and bytes that are not such an index are refused with {@link IndexSnapshotException} only.
 */
class IndexSnapshotTest {

    private static final double[] THRESHOLDS = {0, 0.3, 0.4, 0.6, 0.8, 1};

    private static CatalogIndex loaded(CatalogIndex built, List<CatalogItem> items) {
        byte[] bytes = IndexSnapshot.encode(built);
        return IndexSnapshot.decode(bytes, 0, bytes.length, ids(items), texts(items));
    }

    private static String[] ids(List<CatalogItem> items) {
        return items.stream().map(CatalogItem::id).toArray(String[]::new);
    }

    private static String[] texts(List<CatalogItem> items) {
        return items.stream().map(CatalogItem::text).toArray(String[]::new);
    }

    /** Searches both indexes with the same queries, both rankers; every result must be equal. */
    private static void assertSameAnswers(CatalogIndex built, CatalogIndex loaded, List<String> queries,
                                          Random random) {
        for (String text : queries) {
            for (Ranker ranker : Ranker.values()) {
                SearchQuery query = new SearchQuery(text, 1 + random.nextInt(10),
                        THRESHOLDS[random.nextInt(THRESHOLDS.length)], ranker);
                SearchResult expected = built.search(query);
                SearchResult actual = loaded.search(query);
                assertThat(actual.hits()).as("%s", query).isEqualTo(expected.hits());
                assertThat(actual.didYouMean()).as("%s", query).isEqualTo(expected.didYouMean());
                assertThat(actual.scoredItems()).as("%s", query).isEqualTo(expected.scoredItems());
            }
        }
    }

    @Test
    void a_loaded_product_catalog_index_answers_every_query_exactly_as_the_built_one() {
        Random random = new Random(5L);
        List<CatalogItem> items = RandomCatalogs.productCatalog(random, 5_000);
        CatalogIndex built = CatalogIndex.build(items);
        List<String> queries = new ArrayList<>();
        for (int q = 0; q < 300; q++) {
            String title = items.get(random.nextInt(items.size())).text();
            int cut = 1 + random.nextInt(title.length() - 1);
            queries.add(random.nextBoolean() ? title : title.substring(0, cut) + title.substring(cut + 1));
        }
        queries.addAll(List.of("zzzzqx", "acme lapotp", "globx", "hooli wireless headphnes 4321", "model"));

        assertSameAnswers(built, loaded(built, items), queries, random);
    }

    @Test
    void loaded_random_catalogs_with_accents_scripts_emoji_and_empty_texts_answer_as_built_ones() {
        Random random = new Random(99L);
        for (int round = 0; round < 30; round++) {
            List<CatalogItem> items = RandomCatalogs.catalog(random, random.nextInt(200));
            CatalogIndex built = CatalogIndex.build(items);
            List<String> queries = new ArrayList<>();
            for (int q = 0; q < 20; q++) {
                queries.add(RandomCatalogs.query(random));
            }

            assertSameAnswers(built, loaded(built, items), queries, random);
        }
    }

    @Test
    void a_loaded_index_finds_the_same_duplicates() {
        Random random = new Random(8L);
        List<CatalogItem> items = RandomCatalogs.catalog(random, 400);
        CatalogIndex built = CatalogIndex.build(items);

        DuplicateQuery query = new DuplicateQuery(0.8, 100, true);
        assertThat(loaded(built, items).duplicates(query)).isEqualTo(built.duplicates(query));
    }

    @Test
    void an_index_for_another_number_of_items_is_refused() {
        List<CatalogItem> items = RandomCatalogs.catalog(new Random(1L), 50);
        byte[] bytes = IndexSnapshot.encode(CatalogIndex.build(items));
        List<CatalogItem> fewer = items.subList(0, 49);

        assertThatThrownBy(() -> IndexSnapshot.decode(bytes, 0, bytes.length, ids(fewer), texts(fewer)))
                .isInstanceOf(IndexSnapshotException.class).hasMessageContaining("50 items");
    }

    @Test
    void an_index_of_another_format_or_java_release_is_refused() {
        List<CatalogItem> items = RandomCatalogs.catalog(new Random(2L), 50);
        byte[] bytes = IndexSnapshot.encode(CatalogIndex.build(items));
        byte[] otherFormat = bytes.clone();
        otherFormat[0] = (byte) (IndexSnapshot.FORMAT + 1);
        byte[] otherJava = bytes.clone();
        otherJava[1] = (byte) (Runtime.version().feature() - 1);

        for (byte[] refused : List.of(otherFormat, otherJava)) {
            assertThatThrownBy(() -> IndexSnapshot.decode(refused, 0, refused.length, ids(items), texts(items)))
                    .isInstanceOf(IndexSnapshotException.class);
        }
    }

    @Test
    void truncated_extended_or_damaged_bytes_end_in_an_index_snapshot_exception_or_a_usable_index() {
        Random random = new Random(3L);
        List<CatalogItem> items = RandomCatalogs.catalog(random, 120);
        byte[] bytes = IndexSnapshot.encode(CatalogIndex.build(items));
        for (int length = 0; length < bytes.length; length += 1 + length / 7) {
            int end = length;
            assertThatThrownBy(() -> IndexSnapshot.decode(bytes, 0, end, ids(items), texts(items)))
                    .as("%d of %d bytes", length, bytes.length).isInstanceOf(IndexSnapshotException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> IndexSnapshot.decode(longer, 0, longer.length, ids(items), texts(items)))
                .isInstanceOf(IndexSnapshotException.class);
        // Damage the storage checksum would catch: decoding must still stay within its one exception type, and
        // whatever index comes out must answer without failing.
        for (int round = 0; round < 2_000; round++) {
            byte[] damaged = bytes.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
            }
            try {
                CatalogIndex index = IndexSnapshot.decode(damaged, 0, damaged.length, ids(items), texts(items));
                index.search(new SearchQuery(RandomCatalogs.query(random), 5, 0.2, Ranker.DEFAULT));
            } catch (IndexSnapshotException refused) {
                // the caller builds the index from the items instead
            }
        }
    }
}
