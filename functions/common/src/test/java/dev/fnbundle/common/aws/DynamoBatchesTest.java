package dev.fnbundle.common.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.testing.LocalDynamo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Runs against a real DynamoDB Local; throttling, which it never does, is simulated by {@link Throttling}. */
class DynamoBatchesTest {
    private static final String TABLE = "batches-test";
    private static DynamoDbClient dynamo;

    private final List<Duration> pauses = new ArrayList<>();

    @BeforeAll
    static void createTable() {
        dynamo = LocalDynamo.client();
        LocalDynamo.createTable(dynamo, TABLE);
    }

    private DynamoBatches batches(DynamoDbClient client) {
        return new DynamoBatches(client, pause -> pauses.add(pause));
    }

    private static Map<String, AttributeValue> key(String partition, int index) {
        return Map.of("pk", AttributeValue.fromS(partition), "sk", AttributeValue.fromS("item-%04d".formatted(index)));
    }

    private static Map<String, AttributeValue> item(String partition, int index) {
        var item = new HashMap<>(key(partition, index));
        item.put("value", AttributeValue.fromN(Integer.toString(index)));
        item.put("note", AttributeValue.fromS("note " + index));
        return item;
    }

    private static List<Map<String, AttributeValue>> keys(String partition, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> key(partition, i)).toList();
    }

    private static List<WriteRequest> puts(String partition, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> WriteRequest.builder().putRequest(p -> p.item(item(partition, i))).build()).toList();
    }

    private static List<Integer> values(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> Integer.parseInt(item.get("value").n())).sorted().toList();
    }

    @Test
    void writes_and_reads_more_items_than_one_request_carries_and_leaves_out_missing_keys() {
        var batches = batches(dynamo);

        batches.writeAll(TABLE, puts("many", 260));
        var wanted = new ArrayList<>(keys("many", 0, 275));
        wanted.add(key("many", 7));
        var found = batches.getAll(TABLE, wanted, true);

        assertThat(values(found)).isEqualTo(IntStream.range(0, 260).boxed().toList());
        assertThat(found).contains(item("many", 259));
        assertThat(pauses).isEmpty();
    }

    @Test
    void consistent_reads_see_a_write_at_once_and_every_chunk_carries_the_settings() {
        var recording = Throttling.never(dynamo);
        var batches = batches(recording);
        batches.writeAll(TABLE, puts("consistent", 150));

        var found = batches.getAll(TABLE, keys("consistent", 0, 150),
                b -> b.consistentRead(true).projectionExpression("#v").expressionAttributeNames(Map.of("#v", "value")));

        assertThat(values(found)).isEqualTo(IntStream.range(0, 150).boxed().toList());
        assertThat(found).allSatisfy(item -> assertThat(item).containsOnlyKeys("value"));
        assertThat(recording.gets).hasSize(2).allSatisfy(request -> {
            KeysAndAttributes sent = request.requestItems().get(TABLE);
            assertThat(sent.consistentRead()).isTrue();
            assertThat(sent.projectionExpression()).isEqualTo("#v");
        });
        assertThat(recording.gets.get(0).requestItems().get(TABLE).keys()).hasSize(100);
        assertThat(recording.gets.get(1).requestItems().get(TABLE).keys()).hasSize(50);
    }

    @Test
    void eventually_consistent_reads_are_asked_for_when_not_consistent() {
        var recording = Throttling.never(dynamo);
        batches(recording).writeAll(TABLE, puts("eventual", 3));

        var found = batches(recording).getAll(TABLE, keys("eventual", 0, 3), false);

        assertThat(values(found)).containsExactly(0, 1, 2);
        assertThat(recording.gets.get(0).requestItems().get(TABLE).consistentRead()).isFalse();
    }

    @Test
    void delete_requests_remove_the_items_and_no_keys_send_nothing() {
        var recording = Throttling.never(dynamo);
        var batches = batches(recording);
        batches.writeAll(TABLE, puts("deleted", 30));

        batches.writeAll(TABLE, keys("deleted", 0, 30).stream()
                .map(key -> WriteRequest.builder().deleteRequest(d -> d.key(key)).build()).toList());

        assertThat(batches.getAll(TABLE, keys("deleted", 0, 30), true)).isEmpty();
        int sent = recording.gets.size();
        assertThat(batches.getAll(TABLE, List.of(), true)).isEmpty();
        batches.writeAll(TABLE, List.of());
        assertThat(recording.gets).hasSize(sent);
        assertThat(recording.writes).hasSize(4);
    }

    @Test
    void unprocessed_items_and_keys_are_resent_after_a_growing_pause_until_all_are_done() {
        var throttling = new Throttling(dynamo, 2, 8);
        var batches = batches(throttling);

        batches.writeAll(TABLE, puts("throttled", 20));
        var found = batches.getAll(TABLE, keys("throttled", 0, 20),
                b -> b.consistentRead(true).projectionExpression("sk, #v").expressionAttributeNames(
                        Map.of("#v", "value")));

        assertThat(values(found)).isEqualTo(IntStream.range(0, 20).boxed().toList());
        assertThat(dynamo.scan(b -> b.tableName(TABLE).consistentRead(true).filterExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("throttled")))).count()).isEqualTo(20);
        assertThat(throttling.writes).hasSize(3);
        // Each resend carries the chunk's own settings, not what came back with the unprocessed keys.
        assertThat(throttling.gets).hasSize(3).allSatisfy(request -> {
            KeysAndAttributes sent = request.requestItems().get(TABLE);
            assertThat(sent.consistentRead()).isTrue();
            assertThat(sent.projectionExpression()).isEqualTo("sk, #v");
        });
        assertThat(pauses).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void items_still_unprocessed_after_the_last_round_fail_the_write_naming_how_many() {
        var throttling = new Throttling(dynamo, Integer.MAX_VALUE, 0);

        assertThatThrownBy(() -> batches(throttling).writeAll(TABLE, puts("stuck", 30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("25 items stayed unprocessed after 10 rounds; table batches-test is throttling writes");

        assertThat(throttling.writes).hasSize(DynamoBatches.MAX_ROUNDS);
        assertThat(pauses).extracting(Duration::toMillis)
                .containsExactly(50L, 100L, 200L, 400L, 800L, 1000L, 1000L, 1000L, 1000L);
    }

    @Test
    void keys_still_unprocessed_after_the_last_round_fail_the_read_naming_how_many() {
        batches(dynamo).writeAll(TABLE, puts("stuck-read", 10));
        var throttling = new Throttling(dynamo, Integer.MAX_VALUE, 0);

        assertThatThrownBy(() -> batches(throttling).getAll(TABLE, keys("stuck-read", 0, 10), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("10 keys stayed unprocessed after 10 rounds; table batches-test is throttling reads");
        assertThat(throttling.gets).hasSize(DynamoBatches.MAX_ROUNDS);
    }

    @Test
    void an_interrupt_while_pausing_fails_the_call_and_keeps_the_interrupt_flag() {
        var throttling = new Throttling(dynamo, Integer.MAX_VALUE, 0);
        var batches = new DynamoBatches(throttling);

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> batches.writeAll(TABLE, puts("interrupted", 4)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(throttling.writes).hasSize(1);
    }

    /**
     * The real client, except that its first {@code throttledCalls} batch calls process only the first
     * {@code processed} keys or items they are given and return the rest as unprocessed (the keys without their
     * read settings); it records every batch request.
     */
    private static final class Throttling implements DynamoDbClient {
        private final DynamoDbClient real;
        private final int throttledCalls;
        private final int processed;
        final List<BatchGetItemRequest> gets = new ArrayList<>();
        final List<BatchWriteItemRequest> writes = new ArrayList<>();

        Throttling(DynamoDbClient real, int throttledCalls, int processed) {
            this.real = real;
            this.throttledCalls = throttledCalls;
            this.processed = processed;
        }

        static Throttling never(DynamoDbClient real) {
            return new Throttling(real, 0, 0);
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            gets.add(request);
            if (gets.size() > throttledCalls) {
                return real.batchGetItem(request);
            }
            var keys = request.requestItems().get(TABLE).keys();
            int sent = Math.min(processed, keys.size());
            var response = sent == 0 ? BatchGetItemResponse.builder().build()
                    : real.batchGetItem(b -> b.requestItems(Map.of(TABLE,
                            request.requestItems().get(TABLE).toBuilder().keys(keys.subList(0, sent)).build())));
            return response.toBuilder().unprocessedKeys(Map.of(TABLE,
                    KeysAndAttributes.builder().keys(keys.subList(sent, keys.size())).build())).build();
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            writes.add(request);
            if (writes.size() > throttledCalls) {
                return real.batchWriteItem(request);
            }
            var items = request.requestItems().get(TABLE);
            int sent = Math.min(processed, items.size());
            if (sent > 0) {
                real.batchWriteItem(b -> b.requestItems(Map.of(TABLE, items.subList(0, sent))));
            }
            return BatchWriteItemResponse.builder()
                    .unprocessedItems(Map.of(TABLE, items.subList(sent, items.size()))).build();
        }

        @Override
        public String serviceName() {
            return real.serviceName();
        }

        @Override
        public void close() {
            // The shared real client outlives every test.
        }
    }
}
