package dev.fnbundle.common.aws;

import dev.fnbundle.common.retry.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Batch reads and writes of any number of items in one table: {@code BatchGetItem} 100 keys at a time and
 * {@code BatchWriteItem} 25 requests at a time, resending whatever DynamoDB leaves unprocessed.
 *
 * <p>Unprocessed keys or items mean the table is throttling, so each chunk gets at most {@value #MAX_ROUNDS}
 * requests, the second and later ones after a growing pause (50 ms, doubling, at most 1 s; about 5.5 s in all).
 * What is still unprocessed then fails the call with an {@link IllegalStateException} that names how much; the
 * chunks before it stay written (a batch is not a transaction). An interrupt during a pause restores the thread's
 * interrupt flag and fails the call the same way. Thread-safe when the client is.
 */
public final class DynamoBatches {
    /** The most keys one {@code BatchGetItem} request may carry. */
    public static final int GET_CHUNK = 100;
    /** The most requests one {@code BatchWriteItem} request may carry. */
    public static final int WRITE_CHUNK = 25;
    /** Requests per chunk, the first included, before unprocessed keys or items fail the call. */
    public static final int MAX_ROUNDS = 10;

    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long MAX_PAUSE_MILLIS = 1_000;

    private final DynamoDbClient dynamo;
    private final Retry.Sleeper sleeper;

    /** Batches through {@code dynamo}, pausing the calling thread between rounds. */
    public DynamoBatches(DynamoDbClient dynamo) {
        this(dynamo, Retry.Sleeper.THREAD);
    }

    /** For tests: {@code sleeper} waits between rounds instead of the thread sleeping. */
    DynamoBatches(DynamoDbClient dynamo, Retry.Sleeper sleeper) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    /**
     * The items stored under {@code keys}, read with eventually or strongly consistent reads.
     *
     * @see #getAll(String, Collection, Consumer)
     */
    public List<Map<String, AttributeValue>> getAll(String table, Collection<Map<String, AttributeValue>> keys,
                                                    boolean consistentRead) {
        return getAll(table, keys, request -> request.consistentRead(consistentRead));
    }

    /**
     * The items stored under {@code keys}: each found item once, in no particular order; keys with no item are
     * left out. Duplicate keys are read once (DynamoDB refuses a request that repeats a key). No request is sent
     * for no keys.
     *
     * @param keys     full primary keys of {@code table}
     * @param settings applied to every chunk's request: {@code consistentRead}, {@code projectionExpression},
     *                 {@code expressionAttributeNames}; the keys it might set are replaced by the chunk's
     * @return the found items, never null
     * @throws IllegalStateException when keys stay unprocessed after {@value #MAX_ROUNDS} requests, or the thread
     *                               is interrupted while pausing between them (its interrupt flag set again)
     */
    public List<Map<String, AttributeValue>> getAll(String table, Collection<Map<String, AttributeValue>> keys,
                                                    Consumer<KeysAndAttributes.Builder> settings) {
        var distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        var found = new ArrayList<Map<String, AttributeValue>>(distinct.size());
        for (int start = 0; start < distinct.size(); start += GET_CHUNK) {
            var template = KeysAndAttributes.builder();
            settings.accept(template);
            var chunk = distinct.subList(start, Math.min(distinct.size(), start + GET_CHUNK));
            getChunk(table, template.keys(chunk).build(), found);
        }
        return found;
    }

    private void getChunk(String table, KeysAndAttributes request, List<Map<String, AttributeValue>> found) {
        List<Map<String, AttributeValue>> pending = request.keys();
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == MAX_ROUNDS) {
                throw new IllegalStateException(pending.size() + " keys stayed unprocessed after " + MAX_ROUNDS
                        + " rounds; table " + table + " is throttling reads");
            }
            pause(round, table);
            // Resent with the chunk's own settings, whatever the unprocessed keys come back with.
            var current = request.toBuilder().keys(pending).build();
            var response = dynamo.batchGetItem(b -> b.requestItems(Map.of(table, current)));
            found.addAll(response.responses().getOrDefault(table, List.of()));
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
            pending = unprocessed == null ? List.of() : unprocessed.keys();
        }
    }

    /**
     * Applies every put and delete request of {@code requests} to {@code table}, in chunks of
     * {@value #WRITE_CHUNK} and in order of the chunks. Nothing is sent for no requests.
     *
     * @throws IllegalStateException when items stay unprocessed after {@value #MAX_ROUNDS} requests (the message
     *                               names how many), or the thread is interrupted while pausing between them (its
     *                               interrupt flag set again); the chunks before are written
     */
    public void writeAll(String table, List<WriteRequest> requests) {
        for (int start = 0; start < requests.size(); start += WRITE_CHUNK) {
            writeChunk(table, requests.subList(start, Math.min(requests.size(), start + WRITE_CHUNK)));
        }
    }

    private void writeChunk(String table, List<WriteRequest> requests) {
        List<WriteRequest> pending = requests;
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == MAX_ROUNDS) {
                throw new IllegalStateException(pending.size() + " items stayed unprocessed after " + MAX_ROUNDS
                        + " rounds; table " + table + " is throttling writes");
            }
            pause(round, table);
            List<WriteRequest> current = pending;
            var response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, current)));
            pending = response.unprocessedItems().getOrDefault(table, List.of());
        }
    }

    /** Nothing before the first round; then 50 ms, doubling each round, at most 1 s. */
    private void pause(int round, String table) {
        if (round == 0) {
            return;
        }
        long millis = Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << (round - 1));
        if (!sleeper.sleep(Duration.ofMillis(millis))) {
            throw new IllegalStateException("interrupted while table " + table + " was throttling a batch");
        }
    }
}
