package dev.fnbundle.orders.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Writes many items 25 at a time, resending what DynamoDB leaves unprocessed, with a growing pause. */
final class BatchWriter {
    private static final int BATCH = 25;
    private static final int MAX_ROUNDS = 10;

    private final DynamoDbClient dynamo;
    private final String table;

    BatchWriter(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    void putAll(List<Map<String, AttributeValue>> items) {
        for (int start = 0; start < items.size(); start += BATCH) {
            var requests = new ArrayList<WriteRequest>();
            for (var item : items.subList(start, Math.min(items.size(), start + BATCH))) {
                requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            write(requests);
        }
    }

    private void write(List<WriteRequest> requests) {
        List<WriteRequest> pending = requests;
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == MAX_ROUNDS) {
                throw new IllegalStateException(pending.size() + " items stayed unprocessed after " + MAX_ROUNDS
                        + " rounds; the table is throttling writes");
            }
            pause(round);
            List<WriteRequest> batch = pending;
            var unprocessed = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, batch))).unprocessedItems();
            pending = unprocessed.getOrDefault(table, List.of());
        }
    }

    private static void pause(int round) {
        if (round == 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(1_000L, 25L << round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a run", e);
        }
    }
}
