package dev.fnbundle.fuzzy.aws;

import dev.fnbundle.common.aws.DynamoBatches;
import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.catalog.CatalogSettings;
import dev.fnbundle.fuzzy.catalog.SnapshotCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Benchmark-only bulk load of a catalog into the catalog table: the same item and header records the repository
 * writes ({@link CatalogItems}), but put with parallel {@code BatchWriteItem} calls and one header at the end,
 * instead of 100-action transactions that each bump the version (a million items through the write path take
 * too long for a benchmark run). Not for a table anyone else writes to at the same time.
 */
public final class BenchCatalogLoader {
    private BenchCatalogLoader() {
    }

    /** Writes {@code entries} and a header at version 1 counting them, replacing a catalog of that name. */
    public static void load(DynamoDbClient dynamo, String table, String catalog, List<CatalogEntry> entries,
                            int threads) throws Exception {
        Instant now = Instant.now();
        DynamoBatches batches = new DynamoBatches(dynamo);
        int slice = Math.max(1, (entries.size() + threads - 1) / threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int from = 0; from < entries.size(); from += slice) {
                List<CatalogEntry> part = entries.subList(from, Math.min(entries.size(), from + slice));
                done.add(pool.submit(() -> {
                    List<WriteRequest> puts = new ArrayList<>(part.size());
                    for (CatalogEntry entry : part) {
                        var item = CatalogItems.item(catalog, entry, now);
                        puts.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
                    }
                    batches.writeAll(table, puts);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        var header = new HashMap<>(CatalogItems.newHeader(catalog, CatalogSettings.DEFAULTS, now));
        header.put("version", CatalogItems.number(1));
        header.put("itemCount", CatalogItems.number(entries.size()));
        dynamo.putItem(b -> b.tableName(table).item(header));
    }

    /**
     * Writes only a header at version 1 counting {@code entries} and their snapshot, no item records: a catalog a
     * cold search can load through its snapshot alone, for sizes DynamoDB Local takes too long to fill item by item
     * here. The fallback (reading the items) would find none, so it is not measured on such a catalog.
     */
    public static void loadSnapshotOnly(DynamoDbClient dynamo, String table, String catalog,
                                        List<CatalogEntry> entries) {
        var header = new HashMap<>(CatalogItems.newHeader(catalog, CatalogSettings.DEFAULTS, Instant.now()));
        header.put("version", CatalogItems.number(1));
        header.put("itemCount", CatalogItems.number(entries.size()));
        new DynamoSnapshotStore(dynamo, table).write(catalog, 1, SnapshotCodec.encode(1, entries));
        dynamo.putItem(b -> b.tableName(table).item(header));
    }

    /** Deletes the catalog's snapshot (manifest and chunks), so a cold search has only the item records. */
    public static void dropSnapshot(DynamoDbClient dynamo, String table, String catalog) {
        List<WriteRequest> deletes = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :s)")
                        .projectionExpression("pk, sk")
                        .expressionAttributeValues(Map.of(":pk", CatalogItems.partition(catalog),
                                ":s", AttributeValue.fromS(DynamoSnapshotStore.MANIFEST))))
                .items().forEach(key -> deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build()));
        new DynamoBatches(dynamo).writeAll(table, deletes);
    }
}
