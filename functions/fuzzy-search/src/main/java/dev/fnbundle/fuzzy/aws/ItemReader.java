package dev.fnbundle.fuzzy.aws;

import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Consistent reads of catalog items: by id, 100 keys at a time, or all of a catalog, page by page. */
final class ItemReader {
    private static final int BATCH = 100;
    private static final String PROJECTION = "#id, #text, #fields";
    private static final Map<String, String> NAMES = Map.of("#id", "id", "#text", "text", "#fields", "fields");

    private final DynamoDbClient dynamo;
    private final String table;

    ItemReader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The stored items among {@code ids}, by id. */
    Map<String, CatalogEntry> get(String catalog, List<String> ids) {
        var found = new HashMap<String, CatalogEntry>();
        var distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int start = 0; start < distinct.size(); start += BATCH) {
            var keys = distinct.subList(start, Math.min(distinct.size(), start + BATCH)).stream()
                    .map(id -> CatalogItems.itemKey(catalog, id)).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).projectionExpression(PROJECTION).expressionAttributeNames(NAMES).build());
            for (int round = 0; request != null && !request.isEmpty(); round++) {
                pause(round);
                Map<String, KeysAndAttributes> current = request;
                var response = dynamo.batchGetItem(b -> b.requestItems(current));
                response.responses().getOrDefault(table, List.of()).forEach(item -> {
                    CatalogEntry entry = CatalogItems.entry(item);
                    found.put(entry.id(), entry);
                });
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : null;
            }
        }
        return found;
    }

    /** Every item of the catalog in sort-key order, following the query's pages. */
    List<CatalogEntry> all(String catalog) {
        var entries = new ArrayList<CatalogEntry>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :item)")
                    .projectionExpression(PROJECTION).expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(":pk", CatalogItems.partition(catalog),
                            ":item", AttributeValue.fromS(CatalogItems.ITEM_PREFIX)))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> entries.add(CatalogItems.entry(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return entries;
    }

    private static void pause(int round) {
        if (round == 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(1_000L, 25L << round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading catalog items", e);
        }
    }
}
