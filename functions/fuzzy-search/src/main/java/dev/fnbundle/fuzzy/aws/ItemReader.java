package dev.fnbundle.fuzzy.aws;

import dev.fnbundle.common.aws.DynamoBatches;
import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Consistent reads of catalog items: by id, 100 keys at a time, or all of a catalog, page by page. */
final class ItemReader {
    private static final String PROJECTION = "#id, #text, #fields";
    private static final Map<String, String> NAMES = Map.of("#id", "id", "#text", "text", "#fields", "fields");

    private final DynamoDbClient dynamo;
    private final DynamoBatches batches;
    private final String table;

    ItemReader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.batches = new DynamoBatches(dynamo);
        this.table = table;
    }

    /** The stored items among {@code ids}, by id. */
    Map<String, CatalogEntry> get(String catalog, List<String> ids) {
        var keys = ids.stream().distinct().map(id -> CatalogItems.itemKey(catalog, id)).toList();
        var items = batches.getAll(table, keys,
                b -> b.consistentRead(true).projectionExpression(PROJECTION).expressionAttributeNames(NAMES));
        var found = new HashMap<String, CatalogEntry>();
        for (var item : items) {
            CatalogEntry entry = CatalogItems.entry(item);
            found.put(entry.id(), entry);
        }
        return found;
    }

    /** Every item of the catalog in sort-key order, following the query's pages. */
    List<CatalogEntry> all(String catalog) {
        var entries = new ArrayList<CatalogEntry>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :item)")
                        .projectionExpression(PROJECTION).expressionAttributeNames(NAMES)
                        .expressionAttributeValues(Map.of(":pk", CatalogItems.partition(catalog),
                                ":item", AttributeValue.fromS(CatalogItems.ITEM_PREFIX))))
                .items().forEach(item -> entries.add(CatalogItems.entry(item)));
        return entries;
    }
}
