package dev.fnbundle.fuzzy.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.catalog.CatalogFullException;
import dev.fnbundle.fuzzy.catalog.CatalogHeader;
import dev.fnbundle.fuzzy.catalog.CatalogNotFoundException;
import dev.fnbundle.fuzzy.catalog.CatalogSettings;
import dev.fnbundle.fuzzy.catalog.ItemNotFoundException;
import dev.fnbundle.fuzzy.catalog.UpsertResult;
import dev.fnbundle.fuzzy.search.Ranker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog table's guarantees on a real DynamoDB Local table provisioned from template.yaml. */
class DynamoCatalogRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static DynamoCatalogRepository repository;

    @BeforeAll
    static void table() {
        var aws = LocalAws.shared();
        repository = new DynamoCatalogRepository(aws.dynamoDb(), aws.provisionTable("FuzzyCatalogTable"));
    }

    private static String newCatalog() {
        String name = "repo-" + UUID.randomUUID().toString().substring(0, 8);
        repository.create(name, CatalogSettings.DEFAULTS, NOW).orElseThrow();
        return name;
    }

    private static CatalogHeader header(String name) {
        return repository.header(name).orElseThrow();
    }

    private static List<CatalogEntry> entries(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> new CatalogEntry(String.format("%s-%04d", prefix, i),
                "title " + i, null)).toList();
    }

    @Test
    void a_catalog_is_created_once_and_a_settings_update_keeps_its_version() {
        String name = newCatalog();
        repository.upsert(name, entries("a", 2), 100, NOW);

        var again = repository.create(name, CatalogSettings.DEFAULTS, NOW.plusSeconds(1));
        var updated = repository.updateSettings(name, new CatalogSettings(Ranker.SEED, 0.5, 10), NOW.plusSeconds(2))
                .orElseThrow();

        assertThat(again).isEmpty();
        assertThat(updated.settings()).isEqualTo(new CatalogSettings(Ranker.SEED, 0.5, 10));
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.itemCount()).isEqualTo(2);
        assertThat(updated.createdAt()).isEqualTo(NOW);
        assertThat(updated.updatedAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(repository.updateSettings("repo-missing", CatalogSettings.DEFAULTS, NOW)).isEmpty();
        assertThat(repository.header("repo-missing")).isEmpty();
    }

    @Test
    void every_changing_chunk_bumps_the_version_and_a_repeated_batch_changes_nothing() {
        String name = newCatalog();
        List<CatalogEntry> batch = entries("b", 250);

        UpsertResult first = repository.upsert(name, batch, 1_000, NOW);
        long afterFirst = header(name).version();
        UpsertResult repeated = repository.upsert(name, batch, 1_000, NOW);
        var edited = new ArrayList<>(batch);
        edited.set(7, new CatalogEntry(batch.get(7).id(), "a new title", "{\"price\":12}"));
        UpsertResult edit = repository.upsert(name, edited, 1_000, NOW);

        assertThat(first).isEqualTo(new UpsertResult(250, 0, 0));
        assertThat(afterFirst).as("250 items are 3 transactions of at most 99").isEqualTo(3);
        assertThat(repeated).isEqualTo(new UpsertResult(0, 0, 250));
        assertThat(edit).isEqualTo(new UpsertResult(0, 1, 249));
        assertThat(header(name).version()).isEqualTo(4);
        assertThat(header(name).itemCount()).isEqualTo(250);
        assertThat(repository.items(name)).hasSize(250).element(7)
                .isEqualTo(new CatalogEntry("b-0007", "a new title", "{\"price\":12}"));
    }

    @Test
    void items_come_back_in_id_order_with_fields_and_empty_texts_across_query_pages() {
        String name = newCatalog();
        String long2000 = "x".repeat(1_990);
        var batch = new ArrayList<CatalogEntry>();
        for (int i = 0; i < 600; i++) {
            batch.add(new CatalogEntry(String.format("p-%04d", i), i == 3 ? "" : long2000 + i, i == 5
                    ? "{\"url\":\"https://example.com/5\"}" : null));
        }
        Collections.shuffle(batch, new Random(7));

        repository.upsert(name, batch.subList(0, 300), 1_000, NOW);
        repository.upsert(name, batch.subList(300, 600), 1_000, NOW);
        List<CatalogEntry> items = repository.items(name);

        // 600 items of about 2 KB are more than the 1 MB a query page holds.
        assertThat(items).hasSize(600);
        assertThat(items).extracting(CatalogEntry::id).isSorted();
        assertThat(items.get(3).text()).isEmpty();
        assertThat(items.get(5).fields()).isEqualTo("{\"url\":\"https://example.com/5\"}");
    }

    @Test
    void delete_bumps_the_version_and_missing_items_or_catalogs_are_reported() {
        String name = newCatalog();
        repository.upsert(name, entries("d", 3), 100, NOW);

        repository.delete(name, "d-0001", NOW);

        assertThat(header(name).version()).isEqualTo(2);
        assertThat(header(name).itemCount()).isEqualTo(2);
        assertThat(repository.items(name)).extracting(CatalogEntry::id).containsExactly("d-0000", "d-0002");
        assertThatThrownBy(() -> repository.delete(name, "d-0001", NOW)).isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> repository.delete("repo-missing", "d-0001", NOW))
                .isInstanceOf(CatalogNotFoundException.class);
        assertThat(header(name).version()).isEqualTo(2);
    }

    @Test
    void writes_to_a_missing_catalog_or_beyond_the_limit_write_nothing() {
        String name = newCatalog();
        repository.upsert(name, entries("f", 4), 5, NOW);

        assertThatThrownBy(() -> repository.upsert(name, entries("f", 6), 5, NOW))
                .isInstanceOfSatisfying(CatalogFullException.class, e -> {
                    assertThat(e.itemCount()).isEqualTo(4);
                    assertThat(e.adding()).isEqualTo(2);
                });
        assertThatThrownBy(() -> repository.upsert("repo-missing", entries("f", 1), 5, NOW))
                .isInstanceOf(CatalogNotFoundException.class);
        assertThat(repository.items(name)).hasSize(4);
        assertThat(header(name).version()).isEqualTo(1);
        assertThat(repository.upsert(name, entries("f", 5).subList(2, 5), 5, NOW))
                .isEqualTo(new UpsertResult(1, 0, 2));
    }

    @Test
    void racing_writers_of_overlapping_items_keep_the_item_count_exact() throws Exception {
        String name = newCatalog();
        var writers = new ArrayList<Callable<UpsertResult>>();
        for (int w = 0; w < 4; w++) {
            var mine = new ArrayList<>(entries("r", 120));
            Collections.shuffle(mine, new Random(w));
            List<CatalogEntry> batch = mine.subList(0, 90).stream()
                    .map(e -> new CatalogEntry(e.id(), e.text(), null)).toList();
            writers.add(() -> repository.upsert(name, batch, 1_000, NOW));
        }

        List<UpsertResult> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (var future : pool.invokeAll(writers)) {
                results.add(future.get());
            }
        }

        int stored = repository.items(name).size();
        assertThat(header(name).itemCount()).isEqualTo(stored);
        assertThat(results.stream().mapToInt(UpsertResult::added).sum()).isEqualTo(stored);
        assertThat(results.stream().mapToInt(UpsertResult::replaced).sum()).isZero();
    }
}
