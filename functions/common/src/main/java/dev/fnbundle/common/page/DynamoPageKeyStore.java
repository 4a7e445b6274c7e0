package dev.fnbundle.common.page;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Page-token keys kept as one item of the function's own table ({@code PAGE_TOKEN_KEYS}), created on first use
 * and rotated by age, both with conditional writes so that concurrent cold starts agree on one ring.
 *
 * <p>Why here and not in the environment or another service: the key must never be a plaintext Lambda environment
 * value or template parameter; the table is already this function's private, encrypted-at-rest store, which only
 * the module's own functions may read; it exists locally exactly as in AWS; and it makes each deployment's (and each
 * module's) key its own. Anyone who could read the item could read every item the tokens point into anyway.
 *
 * <p>Policy: a key signs for {@code rotateAfter} (30 days by default); then the next load makes a new current key
 * and keeps the old one, with at most {@code keepPrevious} older ones, for verification only. A token therefore
 * stays valid for at least {@code rotateAfter} after the key that signed it stopped signing. The item has no index
 * attributes and no TTL: it appears in no list and never expires.
 */
public final class DynamoPageKeyStore implements PageKeyStore {
    /** The partition (and sort) key value of the ring's item. */
    public static final String ITEM_KEY = "PAGE_TOKEN_KEYS";
    private static final Logger LOG = LoggerFactory.getLogger(DynamoPageKeyStore.class);
    private static final Duration ROTATE_AFTER = Duration.ofDays(30);
    private static final int KEEP_PREVIOUS = 2;
    private static final int ID_BYTES = 9;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Map<String, AttributeValue> itemKey;
    private final Clock clock;
    private final Duration rotateAfter;
    private final int keepPrevious;

    /** Keys in {@code table}, whose string key attributes are {@code pk} and {@code sk}, with the default policy. */
    public DynamoPageKeyStore(DynamoDbClient dynamo, String table, Clock clock) {
        this(dynamo, table, "pk", "sk", clock, ROTATE_AFTER, KEEP_PREVIOUS);
    }

    /**
     * @param sortKey      the table's sort key attribute, or null when it has none
     * @param rotateAfter  how long a key signs before the next load replaces it
     * @param keepPrevious how many retired keys still verify
     */
    public DynamoPageKeyStore(DynamoDbClient dynamo, String table, String partitionKey, String sortKey, Clock clock,
                              Duration rotateAfter, int keepPrevious) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        var key = new HashMap<String, AttributeValue>();
        key.put(partitionKey, AttributeValue.fromS(ITEM_KEY));
        if (sortKey != null) {
            key.put(sortKey, AttributeValue.fromS(ITEM_KEY));
        }
        this.itemKey = Map.copyOf(key);
        this.clock = Objects.requireNonNull(clock);
        this.rotateAfter = Objects.requireNonNull(rotateAfter);
        this.keepPrevious = keepPrevious;
    }

    @Override
    public PageKeyRing load() {
        // Three rounds cover losing both the creation race and a rotation race; more means something is wrong.
        for (int attempt = 0; attempt < 3; attempt++) {
            var item = dynamo.getItem(b -> b.tableName(table).key(itemKey).consistentRead(true)).item();
            if (item == null || item.isEmpty()) {
                if (create()) {
                    LOG.info("page-token key ring created table={}", table);
                }
                continue;
            }
            long revision = Long.parseLong(item.get("revision").n());
            List<PageKey> keys = keys(item);
            Instant now = clock.instant();
            if (!keys.get(0).createdAt().plus(rotateAfter).isAfter(now)) {
                if (rotate(keys, revision, now)) {
                    LOG.info("page-token key rotated table={} retiredKey={}", table, keys.get(0).id());
                }
                continue;
            }
            return new PageKeyRing(keys.get(0), keys.subList(1, keys.size()));
        }
        throw new IllegalStateException("the page-token key ring of " + table + " kept changing while read");
    }

    private boolean create() {
        var item = new HashMap<>(itemKey);
        item.put("revision", AttributeValue.fromN("1"));
        item.put("keys", AttributeValue.fromL(List.of(attribute(newKey(clock.instant())))));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(revision)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private boolean rotate(List<PageKey> keys, long revision, Instant now) {
        var rotated = new ArrayList<AttributeValue>();
        rotated.add(attribute(newKey(now)));
        keys.stream().limit(keepPrevious).forEach(key -> rotated.add(attribute(key)));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(itemKey)
                    .updateExpression("SET #keys = :keys, revision = :next")
                    .conditionExpression("revision = :seen")
                    .expressionAttributeNames(Map.of("#keys", "keys"))
                    .expressionAttributeValues(Map.of(":keys", AttributeValue.fromL(rotated),
                            ":next", AttributeValue.fromN(Long.toString(revision + 1)),
                            ":seen", AttributeValue.fromN(Long.toString(revision)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * A fresh key. The generator is made here, at use, not in a static field: an instance seeded before a SnapStart
     * snapshot would hand every restored copy the same numbers.
     */
    private static PageKey newKey(Instant now) {
        var random = new SecureRandom();
        byte[] id = new byte[ID_BYTES];
        byte[] secret = new byte[PageKey.SECRET_BYTES];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new PageKey(Base64.getUrlEncoder().withoutPadding().encodeToString(id), secret, now);
    }

    private static AttributeValue attribute(PageKey key) {
        return AttributeValue.fromM(Map.of("id", AttributeValue.fromS(key.id()),
                "secret", AttributeValue.fromB(SdkBytes.fromByteArray(key.secret())),
                "createdAt", AttributeValue.fromN(Long.toString(key.createdAt().toEpochMilli()))));
    }

    private static List<PageKey> keys(Map<String, AttributeValue> item) {
        var keys = new ArrayList<PageKey>();
        for (AttributeValue value : item.get("keys").l()) {
            Map<String, AttributeValue> key = value.m();
            keys.add(new PageKey(key.get("id").s(), key.get("secret").b().asByteArray(),
                    Instant.ofEpochMilli(Long.parseLong(key.get("createdAt").n()))));
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("the page-token key ring has no key");
        }
        return keys;
    }
}
