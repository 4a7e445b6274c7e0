package dev.fnbundle.email.aws;

import static dev.fnbundle.email.aws.Attributes.n;
import static dev.fnbundle.email.aws.Attributes.s;

import dev.fnbundle.email.poll.MailboxLease;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Per-mailbox leases ({@code MAILBOX#id} / {@code #LEASE}): taken with a conditional put that succeeds only when
 * no lease exists or the one stored has expired, released with a conditional delete that only its owner's call
 * passes. The item's {@code ttl} lets DynamoDB remove leases of deleted mailboxes a day after they expire.
 */
public final class DynamoMailboxLease implements MailboxLease {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMailboxLease(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean tryAcquire(String mailboxId, String owner, Instant now, Duration ttl) {
        Instant expiresAt = now.plus(ttl);
        var item = new HashMap<>(Keys.lease(mailboxId));
        item.put("owner", s(owner));
        item.put("acquiredAt", s(now.toString()));
        item.put("expiresAt", n(expiresAt.toEpochMilli()));
        item.put("ttl", n(expiresAt.plus(Duration.ofDays(1)).getEpochSecond()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt <= :now")
                    .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void release(String mailboxId, String owner) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(Keys.lease(mailboxId))
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":owner", s(owner))));
        } catch (ConditionalCheckFailedException e) {
            // The lease expired and another poll holds it now: it is not ours to release.
        }
    }
}
