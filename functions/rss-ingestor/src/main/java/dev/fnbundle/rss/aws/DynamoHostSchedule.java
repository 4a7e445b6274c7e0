package dev.fnbundle.rss.aws;

import static dev.fnbundle.rss.aws.Keys.n;
import static dev.fnbundle.rss.aws.Keys.s;

import dev.fnbundle.rss.ingest.HostSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Per-host slots in the feeds table: one item {@code HOST#<host>} / {@code HOST} whose {@code nextSlotAt} is the
 * first free slot (epoch ms). Reserving is one conditional update: take the host at once when its next slot has
 * passed (moving it one interval ahead), else take that slot and move it one interval further, but never past the
 * horizon. Two callers can never get the same slot. Idle host items expire a day after their last slot.
 */
public final class DynamoHostSchedule implements HostSchedule {
    private static final int ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration interval;
    private final Duration horizon;

    /**
     * @param interval minimum time between two fetches of one host
     * @param horizon  slots further ahead than this are not handed out ({@link Busy} instead)
     */
    public DynamoHostSchedule(DynamoDbClient dynamo, String table, Duration interval, Duration horizon) {
        this.dynamo = dynamo;
        this.table = table;
        this.interval = interval;
        this.horizon = horizon;
    }

    @Override
    public Slot reserve(String host, Instant now) {
        var key = Map.of(Keys.PK, s("HOST#" + host), Keys.SK, s("HOST"));
        long nowMs = now.toEpochMilli();
        long ttl = now.plus(horizon).plus(Duration.ofDays(1)).getEpochSecond();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                dynamo.updateItem(b -> b.tableName(table).key(key)
                        .updateExpression("SET nextSlotAt = :next, #ttl = :ttl")
                        .conditionExpression("attribute_not_exists(nextSlotAt) OR nextSlotAt <= :now")
                        .expressionAttributeNames(Map.of("#ttl", "ttl"))
                        .expressionAttributeValues(Map.of(":next", n(nowMs + interval.toMillis()),
                                ":now", n(nowMs), ":ttl", n(ttl))));
                return new Now();
            } catch (ConditionalCheckFailedException e) {
                // The host is taken now: queue up behind the slots already handed out.
            }
            try {
                var old = dynamo.updateItem(b -> b.tableName(table).key(key)
                        .updateExpression("SET nextSlotAt = nextSlotAt + :interval, #ttl = :ttl")
                        .conditionExpression("nextSlotAt > :now AND nextSlotAt <= :horizon")
                        .expressionAttributeNames(Map.of("#ttl", "ttl"))
                        .expressionAttributeValues(Map.of(":interval", n(interval.toMillis()), ":now", n(nowMs),
                                ":horizon", n(nowMs + horizon.toMillis()), ":ttl", n(ttl)))
                        .returnValues(ReturnValue.UPDATED_OLD)).attributes();
                return new Later(Instant.ofEpochMilli(Long.parseLong(old.get("nextSlotAt").n())));
            } catch (ConditionalCheckFailedException e) {
                if (beyondHorizon(key, nowMs)) {
                    return new Busy();
                }
                // The slot passed between the two writes: try to take the host at once again.
            }
        }
        return new Busy();
    }

    private boolean beyondHorizon(Map<String, AttributeValue> key, long nowMs) {
        var item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item != null && item.containsKey("nextSlotAt")
                && Long.parseLong(item.get("nextSlotAt").n()) > nowMs + horizon.toMillis();
    }
}
