package dev.fnbundle.fuzzy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.fuzzy.aws.DynamoCatalogRepository;
import dev.fnbundle.fuzzy.aws.DynamoSnapshotStore;
import dev.fnbundle.fuzzy.search.SearchHit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes through the index cache, on DynamoDB Local: two service instances stand for two warm containers
 * sharing one table; a write through one is visible to a search through the other at once, and unchanged catalogs
 * are served from the cache without reading their items again.
 */
class CatalogServiceConsistencyTest {
    private static CatalogRepository table;
    private static SnapshotStore snapshots;

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        String name = aws.provisionTable("FuzzyCatalogTable");
        table = new DynamoCatalogRepository(aws.dynamoDb(), name);
        snapshots = new DynamoSnapshotStore(aws.dynamoDb(), name);
    }

    /** The real repository, counting how often a container loads all items of a catalog. */
    private static final class CountingRepository implements CatalogRepository {
        final AtomicInteger loads = new AtomicInteger();

        @Override
        public Optional<CatalogHeader> header(String name) {
            return table.header(name);
        }

        @Override
        public Optional<CatalogHeader> create(String name, CatalogSettings settings, Instant now) {
            return table.create(name, settings, now);
        }

        @Override
        public Optional<CatalogHeader> updateSettings(String name, CatalogSettings settings, Instant now) {
            return table.updateSettings(name, settings, now);
        }

        @Override
        public UpsertResult upsert(String name, List<CatalogEntry> entries, long maxItems, Instant now) {
            return table.upsert(name, entries, maxItems, now);
        }

        @Override
        public void delete(String name, String id, Instant now) {
            table.delete(name, id, now);
        }

        @Override
        public List<CatalogEntry> items(String name) {
            loads.incrementAndGet();
            return table.items(name);
        }
    }

    private static CatalogService service(CountingRepository repository) {
        return new CatalogService(repository, snapshots, new IndexCache(1_000),
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
    }

    private static List<String> ids(CatalogSearch search) {
        return search.result().hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void a_write_through_one_container_is_seen_by_the_next_search_of_another() {
        var writerTable = new CountingRepository();
        var readerTable = new CountingRepository();
        var writer = service(writerTable);
        var reader = service(readerTable);
        String name = "consistency-" + UUID.randomUUID().toString().substring(0, 8);
        writer.put(name, CatalogSettings.DEFAULTS);
        writer.addItems(name, List.of(new CatalogEntry("py", "Python Programming Complete Guide", null),
                new CatalogEntry("js", "Learning JavaScript for Beginners", null)));
        var query = new SearchRequest("rust programming", 5, 0.5, "default");

        var before = reader.search(name, query);
        writer.addItems(name, List.of(new CatalogEntry("rs", "Rust Programming Essentials", null)));
        var afterAdd = reader.search(name, query);
        var cached = reader.search(name, query);
        writer.deleteItem(name, "rs");
        var afterDelete = reader.search(name, query);

        assertThat(ids(before)).doesNotContain("rs");
        assertThat(ids(afterAdd)).startsWith("rs");
        assertThat(ids(cached)).isEqualTo(ids(afterAdd));
        assertThat(ids(afterDelete)).doesNotContain("rs");
        assertThat(afterDelete.header().version()).isEqualTo(afterAdd.header().version() + 1);
        assertThat(readerTable.loads).as("loads: one per version searched").hasValue(3);
    }

    @Test
    void a_repeated_batch_keeps_the_version_so_the_cached_index_stays_valid() {
        var repository = new CountingRepository();
        var catalogs = service(repository);
        String name = "redelivery-" + UUID.randomUUID().toString().substring(0, 8);
        catalogs.put(name, CatalogSettings.DEFAULTS);
        var batch = List.of(new CatalogEntry("a", "Docker and Kubernetes DevOps", "{\"shelf\":2}"));
        catalogs.addItems(name, batch);
        var first = catalogs.search(name, new SearchRequest("kubernetes", null, null, null));

        UpsertResult again = catalogs.addItems(name, batch);
        var second = catalogs.search(name, new SearchRequest("kubernetes", null, null, null));

        assertThat(again).isEqualTo(new UpsertResult(0, 0, 1));
        assertThat(second.header().version()).isEqualTo(first.header().version());
        assertThat(repository.loads).hasValue(1);
        assertThat(second.entry(second.result().hits().get(0)).fields()).isEqualTo("{\"shelf\":2}");
    }
}
