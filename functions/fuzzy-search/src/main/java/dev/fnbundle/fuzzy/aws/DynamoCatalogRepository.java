package dev.fnbundle.fuzzy.aws;

import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.catalog.CatalogFullException;
import dev.fnbundle.fuzzy.catalog.CatalogHeader;
import dev.fnbundle.fuzzy.catalog.CatalogNotFoundException;
import dev.fnbundle.fuzzy.catalog.CatalogRepository;
import dev.fnbundle.fuzzy.catalog.CatalogSettings;
import dev.fnbundle.fuzzy.catalog.ConcurrentItemUpdateException;
import dev.fnbundle.fuzzy.catalog.ItemNotFoundException;
import dev.fnbundle.fuzzy.catalog.UpsertResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Catalogs in the catalog table (layout in {@link CatalogItems}).
 *
 * <p>Item writes are {@code TransactWriteItems} of up to {@value #CHUNK} item puts or one delete, plus an update of
 * the header that bumps {@code version} and adjusts {@code itemCount}; the transaction commits all of it or nothing.
 * Each put is conditioned on what was read before (the id absent for an addition, present for a replacement), so
 * {@code itemCount} stays exact when writers race: a chunk whose condition fails is re-read and retried. Items stored
 * already with the same content are skipped, which makes a retried or redelivered batch a no-op that leaves the
 * version alone.
 */
public final class DynamoCatalogRepository implements CatalogRepository {
    /** TransactWriteItems takes 100 actions: 99 item puts and the header update. */
    static final int CHUNK = 99;
    private static final int ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final String table;
    private final ItemReader reader;

    public DynamoCatalogRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.reader = new ItemReader(dynamo, table);
    }

    @Override
    public Optional<CatalogHeader> header(String name) {
        var item = dynamo.getItem(b -> b.tableName(table).key(CatalogItems.headerKey(name)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CatalogItems.header(item));
    }

    @Override
    public Optional<CatalogHeader> create(String name, CatalogSettings settings, Instant now) {
        var item = CatalogItems.newHeader(name, settings, now);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return Optional.of(CatalogItems.header(item));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<CatalogHeader> updateSettings(String name, CatalogSettings settings, Instant now) {
        try {
            var updated = dynamo.updateItem(b -> b.tableName(table).key(CatalogItems.headerKey(name))
                    .updateExpression("SET settings = :settings, updatedAt = :now")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":settings", CatalogItems.settings(settings),
                            ":now", AttributeValue.fromS(now.toString())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(CatalogItems.header(updated));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public UpsertResult upsert(String name, List<CatalogEntry> entries, long maxItems, Instant now) {
        CatalogHeader header = header(name).orElseThrow(() -> new CatalogNotFoundException(name));
        Map<String, CatalogEntry> stored = reader.get(name, entries.stream().map(CatalogEntry::id).toList());
        long adding = entries.stream().filter(e -> !stored.containsKey(e.id())).count();
        // Checked up front so that a batch that cannot fit writes nothing; each chunk re-checks atomically.
        if (header.itemCount() + adding > maxItems) {
            throw new CatalogFullException(name, header.itemCount(), adding, maxItems);
        }
        int added = 0;
        int replaced = 0;
        for (int start = 0; start < entries.size(); start += CHUNK) {
            var chunk = entries.subList(start, Math.min(entries.size(), start + CHUNK));
            UpsertResult result = applyChunk(name, chunk, stored, maxItems, now);
            added += result.added();
            replaced += result.replaced();
        }
        return new UpsertResult(added, replaced, entries.size() - added - replaced);
    }

    /** Writes one chunk in one transaction, re-reading and retrying while concurrent writers invalidate it. */
    private UpsertResult applyChunk(String name, List<CatalogEntry> chunk, Map<String, CatalogEntry> stored,
                                    long maxItems, Instant now) {
        Map<String, CatalogEntry> known = stored;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            var actions = new ArrayList<TransactWriteItem>();
            int added = 0;
            for (CatalogEntry entry : chunk) {
                CatalogEntry current = known.get(entry.id());
                if (current != null && current.sameContent(entry)) {
                    continue;
                }
                added += current == null ? 1 : 0;
                String condition = current == null ? "attribute_not_exists(pk)" : "attribute_exists(pk)";
                var item = CatalogItems.item(name, entry, now);
                actions.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                        .conditionExpression(condition)).build());
            }
            if (actions.isEmpty()) {
                return new UpsertResult(0, 0, chunk.size());
            }
            int changes = actions.size();
            actions.add(headerBump(name, added, maxItems - added, now));
            try {
                dynamo.transactWriteItems(b -> b.transactItems(actions));
                return new UpsertResult(added, changes - added, chunk.size() - changes);
            } catch (TransactionCanceledException e) {
                if (failed(e, actions.size() - 1)) {
                    CatalogHeader header = header(name).orElseThrow(() -> new CatalogNotFoundException(name));
                    throw new CatalogFullException(name, header.itemCount(), added, maxItems);
                }
                // Another writer changed some of these items since they were read, or held the header: read again.
                pause(attempt);
                known = reader.get(name, chunk.stream().map(CatalogEntry::id).toList());
            }
        }
        throw new ConcurrentItemUpdateException(name, ATTEMPTS);
    }

    private TransactWriteItem headerBump(String name, int added, long room, Instant now) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(CatalogItems.headerKey(name))
                .updateExpression("SET updatedAt = :now ADD version :one, itemCount :added")
                .conditionExpression("attribute_exists(pk) AND itemCount <= :room")
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(now.toString()),
                        ":one", CatalogItems.number(1), ":added", CatalogItems.number(added),
                        ":room", CatalogItems.number(room)))).build();
    }

    @Override
    public void delete(String name, String id, Instant now) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().delete(d -> d.tableName(table).key(CatalogItems.itemKey(name, id))
                            .conditionExpression("attribute_exists(pk)")).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(CatalogItems.headerKey(name))
                            .updateExpression("SET updatedAt = :now ADD version :one, itemCount :minusOne")
                            .conditionExpression("attribute_exists(pk)")
                            .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(now.toString()),
                                    ":one", CatalogItems.number(1), ":minusOne", CatalogItems.number(-1))))
                            .build()));
        } catch (TransactionCanceledException e) {
            if (failed(e, 1)) {
                throw new CatalogNotFoundException(name);
            }
            if (failed(e, 0)) {
                throw new ItemNotFoundException(name, id);
            }
            throw e;
        }
    }

    @Override
    public List<CatalogEntry> items(String name) {
        return reader.all(name);
    }

    /** Whether the transaction's action at {@code index} failed its condition. */
    private static boolean failed(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.size() > index
                && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static void pause(int attempt) {
        try {
            // Jitter keeps writers that collided on the header from colliding again in lockstep.
            long ceiling = Math.min(800L, 25L << attempt);
            Thread.sleep(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a catalog write", e);
        }
    }
}
