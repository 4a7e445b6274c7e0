package dev.fnbundle.configaudit.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.configaudit.semantic.ConfigFormat;
import dev.fnbundle.configaudit.service.BaselineConflictException;
import dev.fnbundle.configaudit.service.BaselineDraft;
import dev.fnbundle.configaudit.service.BaselineHead;
import dev.fnbundle.configaudit.service.BaselineRepository;
import dev.fnbundle.configaudit.service.BaselineVersion;
import dev.fnbundle.configaudit.service.ReauditStatus;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Approved baselines in the config-audit table, every version kept.
 *
 * <ul>
 *   <li>{@code BASELINE#<name>} / {@code HEAD}: the latest version number and its description, the last
 *       re-audit's outcome, and, when it has a source URL, {@code gsi1pk = SOURCED} / {@code gsi1sk = <name>},
 *       which puts it in the sparse index {@value #SOURCED_INDEX} the scheduled re-audit walks;</li>
 *   <li>{@code BASELINE#<name>} / {@code VERSION#<10-digit version>}: one immutable item per approved version,
 *       with its gzip-compressed content (inline or chunked, see {@link DynamoBlobs}).</li>
 * </ul>
 * A new version is the head's conditional update (on the version it replaces, or on the head's absence for
 * version 1) and the version item's put, in one transaction: of two concurrent approvals exactly one wins.
 */
public final class DynamoBaselineStore implements BaselineRepository {
    public static final String SOURCED_INDEX = "SourcedBaselines";
    private static final String SOURCED = "SOURCED";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoBlobs blobs;

    public DynamoBaselineStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.blobs = new DynamoBlobs(dynamo, table);
    }

    static String partition(String name) {
        return "BASELINE#" + name;
    }

    @Override
    public Optional<BaselineHead> head(String name) {
        var item = dynamo.getItem(b -> b.tableName(table).key(key(name, "HEAD")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(head(item));
    }

    @Override
    public Optional<BaselineVersion> current(String name) {
        var head = head(name);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        long version = head.get().version();
        var item = dynamo.getItem(b -> b.tableName(table).key(key(name, versionKey(version))).consistentRead(true))
                .item();
        String content = Gzip.text(blobs.read(item));
        AttributeValue guessed = item.get("formatGuessed");
        return Optional.of(new BaselineVersion(name, version, content, ConfigFormat.valueOf(item.get("format").s()),
                strings(item.get("criticalKeys")), uri(item.get("sourceUrl")),
                guessed != null && Boolean.TRUE.equals(guessed.bool())));
    }

    @Override
    public BaselineHead create(BaselineDraft draft) {
        return write(draft, 1, "attribute_not_exists(pk)", Map.of());
    }

    @Override
    public BaselineHead update(BaselineDraft draft, long expectedVersion) {
        return write(draft, expectedVersion + 1, "#version = :expected",
                Map.of(":expected", number(expectedVersion)));
    }

    private BaselineHead write(BaselineDraft draft, long version, String headCondition,
                               Map<String, AttributeValue> conditionValues) {
        Map<String, AttributeValue> blob = blobs.write(UUID.randomUUID().toString(), Gzip.compress(draft.content()),
                null);
        Map<String, AttributeValue> description = description(draft, version);
        AttributeValue by = draft.by() == null ? AttributeValue.fromNul(true) : AttributeValue.fromS(draft.by());
        var item = new HashMap<>(key(draft.name(), versionKey(version)));
        item.putAll(description);
        item.put("createdBy", by);
        item.putAll(blob);
        // Every attribute goes through a #name: several of them (name, format, version) are reserved words.
        var names = new HashMap<String, String>();
        var values = new HashMap<>(conditionValues);
        var sets = new ArrayList<String>();
        description.forEach((name, value) -> {
            names.put("#" + name, name);
            values.put(":" + name, value);
            sets.add("#" + name + " = :" + name);
        });
        values.put(":at", AttributeValue.fromS(draft.at().toString()));
        values.put(":by", by);
        sets.add("createdAt = if_not_exists(createdAt, :at)");
        sets.add("updatedAt = :at");
        sets.add("updatedBy = :by");
        String expression;
        if (draft.sourceUrl() != null) {
            values.put(":sourced", AttributeValue.fromS(SOURCED));
            expression = "SET " + String.join(", ", sets) + ", gsi1pk = :sourced, gsi1sk = :name";
        } else {
            expression = "SET " + String.join(", ", sets) + " REMOVE sourceUrl, gsi1pk, gsi1sk";
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(key(draft.name(), "HEAD")).updateExpression(expression)
                            .conditionExpression(headCondition).expressionAttributeNames(names)
                            .expressionAttributeValues(values).build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                            .conditionExpression("attribute_not_exists(pk)").build()).build()));
        } catch (TransactionCanceledException e) {
            blobs.discard(blob);
            throw new BaselineConflictException(head(draft.name()).map(BaselineHead::version).orElse(null));
        }
        return head(draft.name()).orElseThrow(() -> new IllegalStateException("baseline vanished after write"));
    }

    /** The attributes a version shares with the head; sourceUrl only when there is one. */
    private static Map<String, AttributeValue> description(BaselineDraft draft, long version) {
        var attributes = new LinkedHashMap<String, AttributeValue>();
        attributes.put("name", AttributeValue.fromS(draft.name()));
        attributes.put("version", number(version));
        attributes.put("format", AttributeValue.fromS(draft.format().name()));
        // Always written, so that a version with a stated format clears the flag on the head; absent on versions
        // stored before it existed, which read as stated.
        attributes.put("formatGuessed", AttributeValue.fromBool(draft.formatGuessed()));
        attributes.put("criticalKeys", AttributeValue.fromL(draft.criticalKeys().stream()
                .map(AttributeValue::fromS).toList()));
        attributes.put("sizeBytes", number(draft.sizeBytes()));
        attributes.put("lineCount", number(draft.lineCount()));
        if (draft.sourceUrl() != null) {
            attributes.put("sourceUrl", AttributeValue.fromS(draft.sourceUrl().toString()));
        }
        return attributes;
    }

    @Override
    public void recordReaudit(String name, ReauditStatus status) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(name, "HEAD"))
                    .updateExpression("SET lastReaudit = :status")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(Json.write(status)))));
        } catch (ConditionalCheckFailedException e) {
            // The baseline does not exist (any more): nothing to record on.
        }
    }

    @Override
    public List<String> sourced(String afterName, int limit) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":sourced", AttributeValue.fromS(SOURCED));
        String condition = "gsi1pk = :sourced";
        if (afterName != null) {
            values.put(":after", AttributeValue.fromS(afterName));
            condition += " AND gsi1sk > :after";
        }
        String keyCondition = condition;
        var page = dynamo.query(b -> b.tableName(table).indexName(SOURCED_INDEX)
                .keyConditionExpression(keyCondition).expressionAttributeValues(values).limit(limit));
        var names = new ArrayList<String>(page.items().size());
        page.items().forEach(item -> names.add(item.get("gsi1sk").s()));
        return names;
    }

    private static BaselineHead head(Map<String, AttributeValue> item) {
        return new BaselineHead(item.get("name").s(), Long.parseLong(item.get("version").n()),
                ConfigFormat.valueOf(item.get("format").s()), strings(item.get("criticalKeys")),
                uri(item.get("sourceUrl")), Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()), text(item.get("updatedBy")),
                Long.parseLong(item.get("sizeBytes").n()), Long.parseLong(item.get("lineCount").n()),
                reaudit(item.get("lastReaudit")));
    }

    private static ReauditStatus reaudit(AttributeValue value) {
        if (value == null || value.s() == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(value.s(), ReauditStatus.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable re-audit status", e);
        }
    }

    private static List<String> strings(AttributeValue value) {
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    private static URI uri(AttributeValue value) {
        return value == null || value.s() == null ? null : URI.create(value.s());
    }

    private static String text(AttributeValue value) {
        return value == null ? null : value.s();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String versionKey(long version) {
        return String.format("VERSION#%010d", version);
    }

    private static Map<String, AttributeValue> key(String name, String sortKey) {
        return Map.of("pk", AttributeValue.fromS(partition(name)), "sk", AttributeValue.fromS(sortKey));
    }
}
