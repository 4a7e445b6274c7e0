package dev.fnbundle.email.aws;

import static dev.fnbundle.email.aws.Attributes.n;
import static dev.fnbundle.email.aws.Attributes.number;
import static dev.fnbundle.email.aws.Attributes.s;

import dev.fnbundle.email.poll.InvoiceRecord;
import dev.fnbundle.email.poll.InvoiceStore;
import dev.fnbundle.email.poll.RecordKey;
import dev.fnbundle.email.poll.RecordKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Invoice records in the email table, written exactly once per key.
 *
 * <p>A record is written with {@code attribute_not_exists(pk)}, so a replayed poll finds the first write. Every
 * record that is not already a duplicate also claims its dedupe key (the Message-ID, else a content hash) in a
 * {@code DEDUPE#} item, in the same transaction: the claim succeeds only when nobody holds it or this key holds it
 * already. So of two copies of a message written at the same moment, by overlapping polls or after a UIDVALIDITY
 * change, exactly one becomes the record of the message and the other is stored as its duplicate, whatever the
 * poll believed when it looked the dedupe key up.
 */
public final class DynamoInvoiceStore implements InvoiceStore {
    private static final int MAX_ATTEMPTS = 5;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoInvoiceStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public InvoiceRecord putIfAbsent(InvoiceRecord record) {
        if (record.kind() == RecordKind.DUPLICATE) {
            return putRecord(record);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(
                        t -> t.put(p -> p.tableName(table).item(RecordItems.item(record))
                                .conditionExpression("attribute_not_exists(pk)")),
                        t -> t.put(p -> p.tableName(table).item(claim(record))
                                .conditionExpression("attribute_not_exists(pk) OR (firstUidValidity = :validity"
                                        + " AND firstUid = :uid)")
                                .expressionAttributeValues(Map.of(":validity", n(record.key().uidValidity()),
                                        ":uid", n(record.key().uid()))))));
                return record;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failed(reasons, 0)) {
                    return existing(record.key());
                }
                if (failed(reasons, 1)) {
                    return putRecord(record.asDuplicateOf(claimant(record)));
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("record " + record.key().asString() + " could not be written"
                            + " after " + MAX_ATTEMPTS + " conflicting transactions", e);
                }
                // A transaction conflict: another writer touched the same items at the same time; try again.
            }
        }
    }

    @Override
    public Optional<InvoiceRecord> get(RecordKey key) {
        var item = dynamo.getItem(b -> b.tableName(table).key(Keys.record(key)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RecordItems.record(item));
    }

    @Override
    public Optional<InvoiceRecord> findByDedupeKey(String mailboxId, String dedupeKey) {
        var claim = dynamo.getItem(b -> b.tableName(table).key(Keys.dedupe(mailboxId, dedupeKey))
                .consistentRead(true)).item();
        if (claim == null || claim.isEmpty()) {
            return Optional.empty();
        }
        return get(new RecordKey(mailboxId, number(claim, "firstUidValidity", 0), number(claim, "firstUid", 0)));
    }

    @Override
    public void markPublished(RecordKey key) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Keys.record(key))
                    .updateExpression("SET published = :true")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("record " + key.asString() + " does not exist", e);
        }
    }

    private InvoiceRecord putRecord(InvoiceRecord record) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(RecordItems.item(record))
                    .conditionExpression("attribute_not_exists(pk)"));
            return record;
        } catch (ConditionalCheckFailedException e) {
            return existing(record.key());
        }
    }

    private InvoiceRecord existing(RecordKey key) {
        return get(key).orElseThrow(() -> new IllegalStateException("record " + key.asString()
                + " exists by its condition but cannot be read"));
    }

    private RecordKey claimant(InvoiceRecord record) {
        var claim = dynamo.getItem(b -> b.tableName(table).key(Keys.dedupe(record.key().mailboxId(),
                record.dedupeKey())).consistentRead(true)).item();
        return new RecordKey(record.key().mailboxId(), number(claim, "firstUidValidity", 0),
                number(claim, "firstUid", 0));
    }

    private static Map<String, AttributeValue> claim(InvoiceRecord record) {
        var item = new HashMap<>(Keys.dedupe(record.key().mailboxId(), record.dedupeKey()));
        item.put("mailboxId", s(record.key().mailboxId()));
        item.put("firstUidValidity", n(record.key().uidValidity()));
        item.put("firstUid", n(record.key().uid()));
        return item;
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons != null && reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }
}
