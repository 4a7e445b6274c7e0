package dev.fnbundle.orders.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Reads node items by name, 100 keys at a time, with consistent reads, following unprocessed keys. */
final class BatchReader {
    private static final int BATCH = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    BatchReader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The items of the named nodes that exist, by name. */
    Map<String, Map<String, AttributeValue>> get(String runId, List<String> nodes, RunItems items) {
        var found = new HashMap<String, Map<String, AttributeValue>>();
        var distinct = new ArrayList<>(new LinkedHashSet<>(nodes));
        for (int start = 0; start < distinct.size(); start += BATCH) {
            var keys = distinct.subList(start, Math.min(distinct.size(), start + BATCH)).stream()
                    .map(node -> items.nodeKey(runId, node)).toList();
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (request != null && !request.isEmpty()) {
                Map<String, KeysAndAttributes> current = request;
                var response = dynamo.batchGetItem(b -> b.requestItems(current));
                response.responses().getOrDefault(table, List.of())
                        .forEach(item -> found.put(item.get("node").s(), item));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : null;
            }
        }
        return found;
    }
}
