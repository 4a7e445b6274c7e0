package dev.fnbundle.fuzzy.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.catalog.CatalogSearch;
import dev.fnbundle.fuzzy.catalog.CatalogService;
import dev.fnbundle.fuzzy.catalog.CatalogSettings;
import dev.fnbundle.fuzzy.catalog.IndexCache;
import dev.fnbundle.fuzzy.catalog.SearchRequest;
import dev.fnbundle.fuzzy.catalog.Version1Snapshots;
import dev.fnbundle.fuzzy.search.CatalogItem;
import dev.fnbundle.fuzzy.search.RandomCatalogs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A cold container's first search with catalog snapshots, on DynamoDB Local: each new {@link CatalogService} stands
 * for a fresh container. A current snapshot is used; a stale, damaged or missing one is passed over for the item
 * records; the answers are the same either way.
 */
class CatalogSnapshotLoadingTest {
    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void table() {
        var aws = LocalAws.shared();
        dynamo = aws.dynamoDb();
        table = aws.provisionTable("FuzzyCatalogTable");
    }

    private static CatalogService container() {
        return new CatalogService(new DynamoCatalogRepository(dynamo, table), new DynamoSnapshotStore(dynamo, table),
                new IndexCache(100_000), Clock.systemUTC());
    }

    /** A catalog of {@code size} random items written in batches through the service, then its snapshot. */
    private static String catalogWithSnapshot(CatalogService writer, long seed, int size) {
        String name = "snapshot-" + UUID.randomUUID().toString().substring(0, 8);
        writer.put(name, CatalogSettings.DEFAULTS);
        List<CatalogItem> items = RandomCatalogs.catalog(new Random(seed), size);
        for (int from = 0; from < items.size(); from += CatalogService.MAX_BATCH_ITEMS) {
            writer.addItems(name, items.subList(from, Math.min(items.size(), from + CatalogService.MAX_BATCH_ITEMS))
                    .stream().map(i -> new CatalogEntry(i.id(), i.text(), i.id().endsWith("7") ? null : "{}"))
                    .toList());
        }
        assertThat(writer.refreshSnapshot(name)).isTrue();
        return name;
    }

    private static List<Object> answers(CatalogService container, String catalog, List<String> queries) {
        List<Object> answers = new ArrayList<>();
        for (String query : queries) {
            for (String ranker : List.of("default", "seed")) {
                CatalogSearch search = container.search(catalog, new SearchRequest(query, 10, 0.3, ranker));
                answers.add(search.result().hits());
                answers.add(search.result().hits().stream().map(search::entry).toList());
                answers.add(search.result().didYouMean());
            }
        }
        return answers;
    }

    private static List<String> queries(long seed) {
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            queries.add(RandomCatalogs.query(random));
        }
        return queries;
    }

    @Test
    void a_cold_search_loads_the_current_snapshot_and_answers_as_the_item_records_do() {
        String catalog = catalogWithSnapshot(container(), 11, 2_500);
        List<String> queries = queries(12);
        CatalogService fromSnapshot = container();
        CatalogService fromItems = container();
        dynamo.deleteItem(b -> b.tableName(table).key(key(catalog, DynamoSnapshotStore.MANIFEST)));
        List<Object> itemAnswers = answers(fromItems, catalog, queries);
        assertThat(container().refreshSnapshot(catalog)).isTrue();

        List<Object> snapshotAnswers = answers(fromSnapshot, catalog, queries);

        assertThat(fromSnapshot.loads().fromSnapshot()).isEqualTo(1);
        assertThat(fromSnapshot.loads().fromItems()).isZero();
        assertThat(fromItems.loads().fromItems()).isEqualTo(1);
        assertThat(snapshotAnswers).isEqualTo(itemAnswers);
    }

    @Test
    void a_snapshot_older_than_the_catalog_is_ignored_and_the_latest_write_is_found() {
        CatalogService writer = container();
        String catalog = catalogWithSnapshot(writer, 21, 300);
        writer.addItems(catalog, List.of(new CatalogEntry("zz-new", "Quokka telescope", null)));
        CatalogService cold = container();

        CatalogSearch search = cold.search(catalog, new SearchRequest("quokka telescope", 1, 0.5, "default"));

        assertThat(search.result().hits()).extracting(hit -> hit.id()).containsExactly("zz-new");
        assertThat(cold.loads().fromSnapshot()).isZero();
        assertThat(cold.loads().fromItems()).isEqualTo(1);
        assertThat(cold.loads().snapshotsRejected()).isZero();
    }

    @Test
    void a_deleted_item_after_the_snapshot_makes_it_stale_too_and_the_next_refresh_brings_it_current() {
        CatalogService writer = container();
        String catalog = catalogWithSnapshot(writer, 31, 300);
        writer.deleteItem(catalog, "item-5");

        CatalogService stale = container();
        stale.search(catalog, new SearchRequest("pro", 3, 0.1, "default"));
        assertThat(writer.refreshSnapshot(catalog)).isTrue();
        assertThat(writer.refreshSnapshot(catalog)).as("already current").isFalse();
        CatalogService current = container();
        current.search(catalog, new SearchRequest("pro", 3, 0.1, "default"));

        assertThat(stale.loads().fromItems()).isEqualTo(1);
        assertThat(current.loads().fromSnapshot()).isEqualTo(1);
    }

    @Test
    void a_damaged_chunk_is_rejected_and_the_search_answers_from_the_items() {
        String catalog = catalogWithSnapshot(container(), 41, 1_000);
        List<String> queries = queries(42);
        List<Object> expected = answers(container(), catalog, queries);
        var damaged = new HashMap<>(key(catalog, DynamoSnapshotStore.chunkKey(0)));
        var stored = dynamo.getItem(b -> b.tableName(table).key(key(catalog, DynamoSnapshotStore.chunkKey(0)))
                .consistentRead(true)).item();
        byte[] data = stored.get("data").b().asByteArray();
        data[data.length / 2] ^= 0x01;
        damaged.put("version", stored.get("version"));
        damaged.put("data", AttributeValue.fromB(SdkBytes.fromByteArray(data)));
        dynamo.putItem(b -> b.tableName(table).item(damaged));
        CatalogService cold = container();

        List<Object> answers = answers(cold, catalog, queries);

        assertThat(cold.loads().snapshotsRejected()).isEqualTo(1);
        assertThat(cold.loads().fromItems()).isEqualTo(1);
        assertThat(cold.loads().fromSnapshot()).isZero();
        assertThat(answers).isEqualTo(expected);
    }

    @Test
    void a_missing_chunk_is_rejected_and_the_search_answers_from_the_items() {
        String catalog = catalogWithSnapshot(container(), 51, 500);
        dynamo.deleteItem(b -> b.tableName(table).key(key(catalog, DynamoSnapshotStore.chunkKey(0))));
        CatalogService cold = container();

        CatalogSearch search = cold.search(catalog, new SearchRequest("smart phone", 3, 0.1, "default"));

        assertThat(search.result().hits()).isNotEmpty();
        assertThat(cold.loads().snapshotsRejected()).isEqualTo(1);
        assertThat(cold.loads().fromItems()).isEqualTo(1);
    }

    @Test
    void a_version_1_snapshot_without_an_index_is_still_used_and_its_items_are_indexed_with_the_same_answers() {
        CatalogService writer = container();
        String catalog = catalogWithSnapshot(writer, 61, 1_500);
        List<String> queries = queries(62);
        List<Object> expected = answers(container(), catalog, queries);
        var repository = new DynamoCatalogRepository(dynamo, table);
        long version = repository.header(catalog).orElseThrow().version();
        new DynamoSnapshotStore(dynamo, table).write(catalog, version,
                Version1Snapshots.encode(version, repository.items(catalog)));
        CatalogService cold = container();

        List<Object> answers = answers(cold, catalog, queries);

        assertThat(cold.loads().fromSnapshot()).isEqualTo(1);
        assertThat(cold.loads().snapshotsRejected()).isZero();
        assertThat(answers).isEqualTo(expected);
    }

    private static Map<String, AttributeValue> key(String catalog, String sortKey) {
        return Map.of("pk", CatalogItems.partition(catalog), "sk", AttributeValue.fromS(sortKey));
    }
}
