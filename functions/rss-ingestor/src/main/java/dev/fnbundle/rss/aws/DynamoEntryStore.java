package dev.fnbundle.rss.aws;

import static dev.fnbundle.rss.aws.Keys.s;

import dev.fnbundle.common.aws.DynamoBatches;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.rss.entries.EntryStore;
import dev.fnbundle.rss.entries.StoredEntry;
import dev.fnbundle.rss.feeds.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Entries in the entries table (layout in {@link EntryItems}).
 *
 * <p>Exactly-once: a new entry is written in one transaction of three parts: a condition check that its feed
 * exists and is not being deleted, the claim of its dedupe key (only if absent) and the entry itself. Two
 * overlapping fetches, or a redelivered message, race on the claim: one transaction commits, the other is
 * cancelled whole, so no entry is stored twice and none without its claim. Claims already present are found with
 * one batch read first, so a feed re-fetched with nothing new costs reads, not cancelled transactions.
 */
public final class DynamoEntryStore implements EntryStore {
    /** Four batch writes' worth of keys per page of a purge. */
    private static final int PURGE_PAGE = DynamoBatches.WRITE_CHUNK * 4;
    private static final int CONFLICT_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final DynamoBatches batches;
    private final String table;
    private final String feedsTable;
    private final EntryPages pages;

    /**
     * @param table      the entries table
     * @param feedsTable the feeds table, whose subscription item every store checks
     * @param tokens     signs and checks the page tokens of the entry lists
     */
    public DynamoEntryStore(DynamoDbClient dynamo, String table, String feedsTable, PageTokens tokens) {
        this.dynamo = dynamo;
        this.batches = new DynamoBatches(dynamo);
        this.table = table;
        this.feedsTable = feedsTable;
        this.pages = new EntryPages(dynamo, table, tokens);
    }

    private enum Put { STORED, DUPLICATE, FEED_GONE }

    @Override
    public StoreResult storeNew(String feedId, List<StoredEntry> entries) {
        var unique = new LinkedHashMap<String, StoredEntry>();
        entries.forEach(entry -> unique.putIfAbsent(entry.dedupeKey(), entry));
        Set<String> claimed = claimed(feedId, List.copyOf(unique.keySet()));
        int stored = 0;
        for (StoredEntry entry : unique.values()) {
            if (claimed.contains(entry.dedupeKey())) {
                continue;
            }
            switch (put(entry)) {
                case STORED -> stored++;
                case FEED_GONE -> {
                    return new StoreResult(stored, true);
                }
                default -> {
                    // Another fetch of the same feed stored it a moment ago.
                }
            }
        }
        return new StoreResult(stored, false);
    }

    /** The dedupe keys among {@code keys} that already have a claim. */
    private Set<String> claimed(String feedId, List<String> keys) {
        var byKey = new HashMap<String, String>();
        var requestKeys = new ArrayList<Map<String, AttributeValue>>(keys.size());
        for (String key : keys) {
            var claimKey = EntryItems.claimKey(feedId, key);
            byKey.put(claimKey.get(Keys.SK).s(), key);
            requestKeys.add(claimKey);
        }
        var found = new HashSet<String>();
        batches.getAll(table, requestKeys, b -> b.projectionExpression("sk").consistentRead(true))
                .forEach(item -> found.add(byKey.get(item.get(Keys.SK).s())));
        return found;
    }

    private Put put(StoredEntry entry) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(
                        t -> t.conditionCheck(c -> c.tableName(feedsTable).key(Keys.feedKey(entry.feedId()))
                                .conditionExpression("attribute_exists(pk) AND attribute_not_exists(deleting)")),
                        t -> t.put(p -> p.tableName(table).item(EntryItems.claim(entry))
                                .conditionExpression("attribute_not_exists(pk)")),
                        t -> t.put(p -> p.tableName(table).item(EntryItems.entry(entry))
                                .conditionExpression("attribute_not_exists(pk)"))));
                return Put.STORED;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (failed(reasons, 0)) {
                    return Put.FEED_GONE;
                }
                if (failed(reasons, 1) || failed(reasons, 2)) {
                    return Put.DUPLICATE;
                }
                // Cancelled by a concurrent transaction on the same items: try again, a few times.
                if (attempt >= CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    @Override
    public Page<StoredEntry> listFeed(String feedId, int limit, String nextToken) {
        return pages.listFeed(feedId, limit, nextToken);
    }

    @Override
    public Page<StoredEntry> listSince(Instant since, Instant now, int limit, String nextToken) {
        return pages.listSince(since, now, limit, nextToken);
    }

    @Override
    public boolean purge(String feedId, BooleanSupplier hasTime) {
        do {
            var page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.feedPartition(feedId))))
                    .projectionExpression("pk, sk").limit(PURGE_PAGE));
            batches.writeAll(table, page.items().stream()
                    .map(key -> WriteRequest.builder().deleteRequest(d -> d.key(key)).build()).toList());
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return true;
            }
        } while (hasTime.getAsBoolean());
        return false;
    }
}
