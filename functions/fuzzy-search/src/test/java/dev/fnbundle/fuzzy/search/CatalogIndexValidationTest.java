package dev.fnbundle.fuzzy.search;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.fuzzy.DuplicateItemIdException;
import dev.fnbundle.fuzzy.InputTooLongException;
import dev.fnbundle.fuzzy.UnknownAlgorithmException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad search requests and catalogs are rejected with the field at fault. */
class CatalogIndexValidationTest {

    @Test
    void a_query_without_parameters_gets_the_seed_defaults_and_the_default_ranker() {
        SearchQuery query = SearchQuery.of("usb cable", null, null, null);

        assertThat(query).isEqualTo(new SearchQuery("usb cable", 3, 0.4, Ranker.DEFAULT));
        assertThat(SearchQuery.of("usb", 5, 0.7, "seed").ranker()).isEqualTo(Ranker.SEED);
    }

    @Test
    void empty_blank_and_missing_queries_are_rejected() {
        for (String text : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> SearchQuery.of(text, null, null, null))
                    .isInstanceOfSatisfying(InvalidFieldsException.class,
                            e -> assertThat(e.fields()).singleElement().isEqualTo("q"));
        }
    }

    @Test
    void queries_are_capped_at_256_code_points() {
        String longest = "😀".repeat(256);

        assertThat(SearchQuery.of(longest, null, null, null).text()).isEqualTo(longest);
        assertThatThrownBy(() -> SearchQuery.of(longest + "a", null, null, null))
                .isInstanceOfSatisfying(InputTooLongException.class, e -> {
                    assertThat(e.field()).isEqualTo("q");
                    assertThat(e.length()).isEqualTo(257);
                    assertThat(e.limit()).isEqualTo(256);
                });
    }

    @Test
    void limits_and_thresholds_out_of_range_name_their_field() {
        assertThatThrownBy(() -> SearchQuery.of("usb", 0, null, null))
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.fields()).singleElement().isEqualTo("limit"));
        assertThatThrownBy(() -> SearchQuery.of("usb", 101, null, null))
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.fields()).singleElement().isEqualTo("limit"));
        for (double threshold : new double[] {-0.1, 1.1, Double.NaN}) {
            assertThatThrownBy(() -> SearchQuery.of("usb", null, threshold, null))
                    .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.fields()).singleElement()
                            .isEqualTo("threshold"));
        }
    }

    @Test
    void unknown_rankers_list_the_valid_ones() {
        assertThatThrownBy(() -> SearchQuery.of("usb", null, null, "bm25"))
                .isInstanceOfSatisfying(UnknownAlgorithmException.class, e -> {
                    assertThat(e.field()).isEqualTo("ranker");
                    assertThat(e.validNames()).containsExactly("seed", "default");
                });
    }

    @Test
    void catalogs_with_repeated_ids_are_rejected_with_both_positions() {
        List<CatalogItem> items = List.of(new CatalogItem("a", "x"), new CatalogItem("b", "y"),
                new CatalogItem("a", "z"));

        assertThatThrownBy(() -> CatalogIndex.build(items))
                .isInstanceOfSatisfying(DuplicateItemIdException.class, e -> {
                    assertThat(e.id()).isEqualTo("a");
                    assertThat(e.firstIndex()).isZero();
                    assertThat(e.secondIndex()).isEqualTo(2);
                });
    }

    @Test
    void catalog_items_need_an_id_and_a_text_within_the_limits() {
        List<CatalogItem> blankId = new ArrayList<>(List.of(new CatalogItem("a", "x"), new CatalogItem(" ", "y")));
        List<CatalogItem> missingText = List.of(new CatalogItem("a", null));
        List<CatalogItem> longText = List.of(new CatalogItem("a", "x".repeat(CatalogIndex.MAX_TEXT_LENGTH + 1)));

        assertThatThrownBy(() -> CatalogIndex.build(blankId))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.fields()).singleElement()
                        .isEqualTo("items[1].id"));
        assertThatThrownBy(() -> CatalogIndex.build(missingText))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.fields()).singleElement()
                        .isEqualTo("items[0].text"));
        assertThatThrownBy(() -> CatalogIndex.build(longText))
                .isInstanceOfSatisfying(InputTooLongException.class, e -> assertThat(e.field())
                        .isEqualTo("items[0].text"));
    }

    @Test
    void an_empty_catalog_answers_with_no_hits() {
        CatalogIndex index = CatalogIndex.build(List.of());

        for (Ranker ranker : Ranker.values()) {
            SearchResult result = index.search(new SearchQuery("usb", 3, 0.0, ranker));

            assertThat(result.hits()).isEmpty();
            assertThat(result.didYouMean()).isEmpty();
        }
    }

    @Test
    void a_zero_threshold_fills_up_with_unrelated_items_in_catalog_order() {
        CatalogIndex index = CatalogIndex.build(List.of(new CatalogItem("1", "qqq"), new CatalogItem("2", "usb"),
                new CatalogItem("3", ""), new CatalogItem("4", "zzz")));

        for (Ranker ranker : Ranker.values()) {
            SearchQuery query = new SearchQuery("usb", 4, 0.0, ranker);
            List<SearchHit> hits = index.search(query).hits();

            assertThat(hits).extracting(SearchHit::id).containsExactly("2", "1", "3", "4");
            assertThat(hits).isEqualTo(index.scan(query).hits());
        }
    }
}
