package dev.fnbundle.fuzzy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.fuzzy.search.CatalogIndex;
import dev.fnbundle.fuzzy.search.CatalogItem;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The per-container cache of search indexes: exact versions, least recently used eviction, an item budget. */
class IndexCacheTest {

    private static LoadedCatalog loaded(long version, int items) {
        var entries = IntStream.range(0, items).mapToObj(i -> new CatalogEntry("i" + i, "text " + i, null)).toList();
        return new LoadedCatalog(version, entries, CatalogIndex.build(entries.stream()
                .map(e -> new CatalogItem(e.id(), e.text())).toList()));
    }

    @Test
    void an_index_answers_only_for_the_version_it_was_loaded_at() {
        var cache = new IndexCache(100);
        var v3 = loaded(3, 5);

        cache.put("books", v3);

        assertThat(cache.get("books", 3)).containsSame(v3);
        assertThat(cache.get("books", 4)).isEmpty();
        assertThat(cache.get("films", 3)).isEmpty();
    }

    @Test
    void a_newer_version_replaces_the_older_one_and_its_items_are_counted_once() {
        var cache = new IndexCache(100);
        cache.put("books", loaded(1, 40));

        cache.put("books", loaded(2, 50));

        assertThat(cache.cachedItems()).isEqualTo(50);
        assertThat(cache.get("books", 1)).isEmpty();
        assertThat(cache.get("books", 2)).isPresent();
    }

    @Test
    void the_least_recently_used_indexes_go_first_when_the_item_budget_is_exceeded() {
        var cache = new IndexCache(100);
        cache.put("a", loaded(1, 40));
        cache.put("b", loaded(1, 40));
        cache.get("a", 1);

        cache.put("c", loaded(1, 30));

        assertThat(cache.catalogs()).containsExactly("a", "c");
        assertThat(cache.cachedItems()).isEqualTo(70);
    }

    @Test
    void an_index_larger_than_the_whole_budget_is_not_kept() {
        var cache = new IndexCache(10);
        cache.put("small", loaded(1, 5));

        cache.put("huge", loaded(1, 11));

        assertThat(cache.get("huge", 1)).isEmpty();
        assertThat(cache.catalogs()).containsExactly("small");
        assertThat(cache.cachedItems()).isEqualTo(5);
    }
}
