package dev.fnbundle.email.aws;

import static dev.fnbundle.email.aws.Attributes.n;
import static dev.fnbundle.email.aws.Attributes.number;

import dev.fnbundle.email.poll.Checkpoint;
import dev.fnbundle.email.poll.CheckpointStore;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Per-mailbox checkpoints ({@code MAILBOX#id} / {@code #CHECKPOINT}). {@link #advance} is one conditional update:
 * it applies when there is no checkpoint, when the stored one is of another UIDVALIDITY, or when it moves the last
 * UID forward; so a late or replayed poll never moves a checkpoint backwards.
 */
public final class DynamoCheckpointStore implements CheckpointStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCheckpointStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Checkpoint> get(String mailboxId) {
        var item = dynamo.getItem(b -> b.tableName(table).key(Keys.checkpoint(mailboxId)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Checkpoint(number(item, "uidValidity", 0), number(item, "lastUid", 0)));
    }

    @Override
    public void advance(String mailboxId, Checkpoint next) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Keys.checkpoint(mailboxId))
                    .updateExpression("SET uidValidity = :validity, lastUid = :uid")
                    .conditionExpression("attribute_not_exists(pk) OR uidValidity <> :validity OR lastUid < :uid")
                    .expressionAttributeValues(Map.of(":validity", n(next.uidValidity()),
                            ":uid", n(next.lastUid()))));
        } catch (ConditionalCheckFailedException e) {
            // The stored checkpoint is as far or further along: nothing to do.
        }
    }
}
