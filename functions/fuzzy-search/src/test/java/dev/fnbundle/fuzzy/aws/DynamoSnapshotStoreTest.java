package dev.fnbundle.fuzzy.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.fuzzy.catalog.CatalogSettings;
import dev.fnbundle.fuzzy.catalog.SnapshotCorruptException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Snapshot chunks in the catalog table on DynamoDB Local: exact round trips, versions, and broken chunk sets. */
class DynamoSnapshotStoreTest {
    private static final int CHUNK = DynamoSnapshotStore.CHUNK_BYTES;
    private static DynamoDbClient dynamo;
    private static String table;
    private static DynamoSnapshotStore store;

    @BeforeAll
    static void table() {
        var aws = LocalAws.shared();
        dynamo = aws.dynamoDb();
        table = aws.provisionTable("FuzzyCatalogTable");
        store = new DynamoSnapshotStore(dynamo, table);
    }

    private static String catalog() {
        return "snap-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] bytes(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 1})
    void a_snapshot_of_any_size_around_the_chunk_boundaries_comes_back_exactly(int length) {
        String catalog = catalog();
        byte[] snapshot = bytes(length, length);

        store.write(catalog, 7, snapshot);

        assertThat(store.read(catalog, 7)).hasValueSatisfying(read -> assertThat(read).isEqualTo(snapshot));
        assertThat(store.version(catalog)).contains(7L);
    }

    @Test
    void a_catalog_without_a_snapshot_or_with_one_of_another_version_reads_as_empty() {
        String catalog = catalog();
        assertThat(store.read(catalog, 0)).isEmpty();
        assertThat(store.version(catalog)).isEmpty();

        store.write(catalog, 3, bytes(10, 1));

        assertThat(store.read(catalog, 4)).isEmpty();
        assertThat(store.read(catalog, 2)).isEmpty();
    }

    @Test
    void a_shorter_snapshot_replaces_a_longer_one_and_removes_its_extra_chunks() {
        String catalog = catalog();
        store.write(catalog, 1, bytes(3 * CHUNK + 5, 1));
        byte[] shorter = bytes(CHUNK + 1, 2);

        store.write(catalog, 2, shorter);

        assertThat(store.read(catalog, 2)).hasValueSatisfying(read -> assertThat(read).isEqualTo(shorter));
        assertThat(chunk(catalog, 2)).isEmpty();
        assertThat(chunk(catalog, 3)).isEmpty();
    }

    @Test
    void a_missing_chunk_is_reported_as_corrupt() {
        String catalog = catalog();
        store.write(catalog, 5, bytes(2 * CHUNK + 1, 3));

        dynamo.deleteItem(b -> b.tableName(table).key(key(catalog, 1)));

        assertThatThrownBy(() -> store.read(catalog, 5)).isInstanceOf(SnapshotCorruptException.class);
    }

    @Test
    void a_chunk_left_by_another_version_is_reported_as_corrupt() {
        String catalog = catalog();
        store.write(catalog, 5, bytes(2 * CHUNK, 4));
        var stray = new HashMap<>(key(catalog, 1));
        stray.put("version", AttributeValue.fromN("4"));
        stray.put("data", AttributeValue.fromB(SdkBytes.fromByteArray(bytes(CHUNK, 5))));

        dynamo.putItem(b -> b.tableName(table).item(stray));

        assertThatThrownBy(() -> store.read(catalog, 5)).isInstanceOf(SnapshotCorruptException.class);
    }

    @Test
    void snapshot_items_stay_out_of_the_catalog_items() {
        var repository = new DynamoCatalogRepository(dynamo, table);
        String catalog = catalog();
        repository.create(catalog, CatalogSettings.DEFAULTS, Instant.EPOCH);

        store.write(catalog, 0, bytes(CHUNK + 1, 6));

        assertThat(repository.items(catalog)).isEmpty();
        assertThat(repository.header(catalog).orElseThrow().version()).isZero();
    }

    private static Map<String, AttributeValue> key(String catalog, int chunk) {
        return Map.of("pk", CatalogItems.partition(catalog),
                "sk", AttributeValue.fromS(DynamoSnapshotStore.chunkKey(chunk)));
    }

    private static Map<String, AttributeValue> chunk(String catalog, int chunk) {
        return dynamo.getItem(b -> b.tableName(table).key(key(catalog, chunk)).consistentRead(true)).item();
    }
}
