package dev.fnbundle.common.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Runs an operation at most once per {@link IdempotencyKey} and replays its stored result to later callers with
 * the same key and the same request; the contract every function shares:
 *
 * <ul>
 *   <li>same key, same request, first attempt finished: its result is replayed ({@link Outcome#replayed()});</li>
 *   <li>same key, same request, first attempt still running: {@link IdempotencyInProgressException} (409 with
 *       {@code Retry-After});</li>
 *   <li>same key, different request, whether the first attempt finished or not:
 *       {@link IdempotencyKeyReusedException} (422).</li>
 * </ul>
 *
 * <p>Protocol, all on one DynamoDB item per key: a conditional {@code PutItem} claims the key as IN_PROGRESS with
 * an expiry and the request's digest; only the caller whose put succeeds runs the operation, then marks the item
 * COMPLETED with the result and a time-to-live. An IN_PROGRESS item whose expiry has passed belongs to a crashed
 * attempt and may be claimed again, so a crash never blocks a key forever. When the operation throws, the claim is
 * deleted so that a retry can run it.
 *
 * <p>The table's partition key (and optional sort key) are strings; the store writes the attributes
 * {@code idemStatus}, {@code idemExpiresAt} (epoch millis), {@code idemRequest}, {@code idemResult},
 * {@code idemToken} and the TTL attribute {@code ttl} (epoch seconds), which the template enables as the table's
 * TimeToLive attribute.
 */
public final class IdempotencyStore {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyStore.class);
    private static final String STATUS = "idemStatus";
    private static final String EXPIRES_AT = "idemExpiresAt";
    private static final String REQUEST = "idemRequest";
    private static final String RESULT = "idemResult";
    private static final String TOKEN = "idemToken";
    private static final String TTL = "ttl";
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String partitionKey;
    private final String sortKey;
    private final Duration inProgressExpiry;
    private final Duration retention;
    private final Clock clock;

    /**
     * @param partitionKey name of the table's partition key; keys are stored as
     *                     {@code "IDEMPOTENCY#" + key.storageId()}
     * @param sortKey      name of the table's sort key, or null when the table has none; stored as "IDEMPOTENCY"
     * @param inProgressExpiry how long a claim protects an unfinished attempt; longer than the function timeout
     * @param retention    how long a completed result is replayed before DynamoDB's TTL removes it
     */
    public IdempotencyStore(DynamoDbClient dynamo, String table, String partitionKey, String sortKey,
                            Duration inProgressExpiry, Duration retention, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        this.partitionKey = Objects.requireNonNull(partitionKey);
        this.sortKey = sortKey;
        this.inProgressExpiry = Objects.requireNonNull(inProgressExpiry);
        this.retention = Objects.requireNonNull(retention);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Runs {@code operation} once for {@code key}, or returns the result a previous run stored.
     *
     * @param requestDigest what makes two requests the same one, e.g. the body's
     *                      {@link dev.fnbundle.common.crypto.Digests#sha256Hex SHA-256}
     * @return the operation's result (a serialized form chosen by the caller, e.g. JSON), fresh or replayed
     * @throws IdempotencyInProgressException when another attempt with the same request holds a live claim
     * @throws IdempotencyKeyReusedException  when the key was claimed for a different request
     * @throws RuntimeException whatever {@code operation} throws, after its claim has been released
     */
    public Outcome execute(IdempotencyKey key, String requestDigest, Supplier<String> operation) {
        Objects.requireNonNull(requestDigest, "requestDigest");
        String id = key.storageId();
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (!claim(id, requestDigest, token, now)) {
            return existing(id, requestDigest, now);
        }
        String result;
        try {
            result = Objects.requireNonNull(operation.get(), "an idempotent operation returns a result");
        } catch (RuntimeException | Error e) {
            release(id, token);
            throw e;
        }
        complete(id, token, result, clock.instant());
        return new Outcome(result, false);
    }

    /** A result, and whether it was replayed from an earlier run rather than computed now. */
    public record Outcome(String result, boolean replayed) {
    }

    private boolean claim(String key, String requestDigest, String token, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(key));
        item.put(STATUS, AttributeValue.fromS(IN_PROGRESS));
        item.put(REQUEST, AttributeValue.fromS(requestDigest));
        item.put(EXPIRES_AT, number(now.plus(inProgressExpiry).toEpochMilli()));
        item.put(TOKEN, AttributeValue.fromS(token));
        item.put(TTL, number(now.plus(retention).getEpochSecond()));
        try {
            dynamo.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR (#status = :inProgress AND #expires < :now)")
                    .expressionAttributeNames(Map.of("#pk", partitionKey, "#status", STATUS, "#expires", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":inProgress", AttributeValue.fromS(IN_PROGRESS),
                            ":now", number(now.toEpochMilli())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Outcome existing(String key, String requestDigest, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table).key(keyOf(key)).consistentRead(true).build()).item();
        if (item != null && !item.isEmpty() && !requestDigest.equals(text(item, REQUEST))) {
            // Checked before the status, so a reused key is refused the same way while its first run is going on.
            throw new IdempotencyKeyReusedException();
        }
        if (item != null && COMPLETED.equals(text(item, STATUS))) {
            return new Outcome(text(item, RESULT), true);
        }
        // Either a live claim, or the item vanished/expired between our put and our get: let the caller retry.
        long expiresAt = item == null || item.get(EXPIRES_AT) == null ? now.toEpochMilli()
                : Long.parseLong(item.get(EXPIRES_AT).n());
        throw new IdempotencyInProgressException(Instant.ofEpochMilli(expiresAt));
    }

    private void complete(String key, String token, String result, Instant now) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(keyOf(key))
                    .updateExpression("SET #status = :completed, #result = :result, #ttl = :ttl REMOVE #expires")
                    .conditionExpression("#token = :token")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#result", RESULT, "#ttl", TTL,
                            "#expires", EXPIRES_AT, "#token", TOKEN))
                    .expressionAttributeValues(Map.of(":completed", AttributeValue.fromS(COMPLETED),
                            ":result", AttributeValue.fromS(result),
                            ":ttl", number(now.plus(retention).getEpochSecond()),
                            ":token", AttributeValue.fromS(token)))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            // Our claim expired and another attempt took the key over; its result will be the stored one.
            LOG.warn("idempotency claim lost before completion key={}", key);
        }
    }

    private void release(String key, String token) {
        try {
            dynamo.deleteItem(DeleteItemRequest.builder()
                    .tableName(table)
                    .key(keyOf(key))
                    .conditionExpression("#token = :token AND #status = :inProgress")
                    .expressionAttributeNames(Map.of("#token", TOKEN, "#status", STATUS))
                    .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(token),
                            ":inProgress", AttributeValue.fromS(IN_PROGRESS)))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            LOG.warn("idempotency claim already taken over key={}", key);
        }
    }

    private Map<String, AttributeValue> keyOf(String key) {
        Map<String, AttributeValue> itemKey = new HashMap<>();
        itemKey.put(partitionKey, AttributeValue.fromS("IDEMPOTENCY#" + key));
        if (sortKey != null) {
            itemKey.put(sortKey, AttributeValue.fromS("IDEMPOTENCY"));
        }
        return itemKey;
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
