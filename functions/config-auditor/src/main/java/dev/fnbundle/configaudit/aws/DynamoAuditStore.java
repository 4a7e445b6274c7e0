package dev.fnbundle.configaudit.aws;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.configaudit.service.AuditRepository;
import dev.fnbundle.configaudit.service.AuditSummary;
import dev.fnbundle.configaudit.service.HistoryPage;
import dev.fnbundle.configaudit.service.StoredAudit;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Audits in the config-audit table.
 *
 * <ul>
 *   <li>{@code AUDIT#<id>} / {@code REPORT}: the audit's figures and its gzip-compressed report (inline, or in
 *       chunks, see {@link DynamoBlobs});</li>
 *   <li>{@code BASELINE#<name>} / {@code AUDIT#<epoch millis, 13 digits>#<id>}: the history entry of an audit
 *       against a stored baseline (its {@link AuditSummary} as JSON), so a reverse query lists the drift history
 *       newest first.</li>
 * </ul>
 * The report and its history entry are written in one transaction, after the chunks. All expire together through
 * the table's TTL attribute {@code ttl}; reads treat an item past its TTL as gone even before DynamoDB deletes it.
 */
public final class DynamoAuditStore implements AuditRepository {
    private final DynamoDbClient dynamo;
    private final String table;
    private final long maxStoredBytes;
    private final DynamoBlobs blobs;
    private final PageTokens tokens;

    /**
     * @param maxStoredBytes largest compressed report accepted (chunks beyond the inline size cost a write each)
     * @param tokens         signs and checks the page tokens of the drift history
     */
    public DynamoAuditStore(DynamoDbClient dynamo, String table, long maxStoredBytes, PageTokens tokens) {
        this.dynamo = dynamo;
        this.table = table;
        this.maxStoredBytes = maxStoredBytes;
        this.blobs = new DynamoBlobs(dynamo, table);
        this.tokens = tokens;
    }

    @Override
    public void save(StoredAudit audit, Instant expiresAt) {
        byte[] compressed = AuditCodec.encode(audit, maxStoredBytes);
        long ttl = expiresAt.getEpochSecond();
        var report = new HashMap<>(reportKey(audit.id()));
        report.putAll(blobs.write(audit.id(), compressed, ttl));
        report.put("id", AttributeValue.fromS(audit.id()));
        report.put("name", AttributeValue.fromS(audit.report().name()));
        report.put("createdAt", AttributeValue.fromS(audit.createdAt().toString()));
        report.put("source", AttributeValue.fromS(audit.source().label()));
        report.put("severity", AttributeValue.fromS(audit.report().severity().label()));
        report.put("codec", AttributeValue.fromS(AuditCodec.CODEC));
        report.put("ttl", AttributeValue.fromN(Long.toString(ttl)));
        var writes = new ArrayList<TransactWriteItem>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(report)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        if (audit.baseline() != null) {
            var entry = new HashMap<String, AttributeValue>();
            entry.put("pk", AttributeValue.fromS(DynamoBaselineStore.partition(audit.baseline().name())));
            entry.put("sk", AttributeValue.fromS(String.format("AUDIT#%013d#%s", audit.createdAt().toEpochMilli(),
                    audit.id())));
            entry.put("entry", AttributeValue.fromS(Json.write(audit.summary())));
            entry.put("ttl", AttributeValue.fromN(Long.toString(ttl)));
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(entry).build()).build());
        }
        dynamo.transactWriteItems(b -> b.transactItems(writes));
    }

    @Override
    public Optional<StoredAudit> find(String id, Instant now) {
        var item = dynamo.getItem(b -> b.tableName(table).key(reportKey(id)).consistentRead(true)).item();
        if (item == null || item.isEmpty() || expired(item, now)) {
            return Optional.empty();
        }
        try {
            return Optional.of(AuditCodec.decode(blobs.read(item)));
        } catch (DynamoBlobs.MissingBlobException e) {
            // The TTL sweep removed some chunks before the report item: the audit is as good as expired.
            return Optional.empty();
        }
    }

    @Override
    public HistoryPage history(String baselineName, int limit, String nextToken, Instant now) {
        String scope = "baseline-audits#" + baselineName;
        var page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .filterExpression("#ttl > :now")
                .expressionAttributeNames(Map.of("#ttl", "ttl"))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(DynamoBaselineStore.partition(baselineName)),
                        ":prefix", AttributeValue.fromS("AUDIT#"),
                        ":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                .scanIndexForward(false)
                // One more than asked: when it comes back there is a next page, and when it does not, the last
                // page says so (a query that stops at its limit always reports a LastEvaluatedKey).
                .limit(limit + 1)
                .exclusiveStartKey(tokens.decode(scope, nextToken)));
        List<AuditSummary> items = new ArrayList<>(Math.min(limit, page.items().size()));
        for (var item : page.items().subList(0, Math.min(limit, page.items().size()))) {
            items.add(summary(item.get("entry").s()));
        }
        String next;
        if (page.items().size() > limit) {
            var last = page.items().get(limit - 1);
            next = tokens.encode(scope, Map.of("pk", last.get("pk"), "sk", last.get("sk")));
        } else {
            next = page.hasLastEvaluatedKey() ? tokens.encode(scope, page.lastEvaluatedKey()) : null;
        }
        return new HistoryPage(items, next);
    }

    private static AuditSummary summary(String json) {
        try {
            return Json.mapper().readValue(json, AuditSummary.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("unreadable history entry", e);
        }
    }

    private static boolean expired(Map<String, AttributeValue> item, Instant now) {
        AttributeValue ttl = item.get("ttl");
        return ttl != null && Long.parseLong(ttl.n()) <= now.getEpochSecond();
    }

    private static Map<String, AttributeValue> reportKey(String id) {
        return Map.of("pk", AttributeValue.fromS("AUDIT#" + id), "sk", AttributeValue.fromS("REPORT"));
    }
}
