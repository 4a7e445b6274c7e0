package dev.fnbundle.rss.aws;

import static dev.fnbundle.rss.aws.Keys.s;

import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.rss.entries.EntryStore;
import dev.fnbundle.rss.entries.ResponseBudget;
import dev.fnbundle.rss.entries.StoredEntry;
import dev.fnbundle.rss.feeds.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads entries page by page: per feed newest first (a reverse query of its partition), and across feeds by
 * ingestion time through the day buckets of {@code ItemsByIngestion}, one bucket after the other. A page stops
 * early when the {@link ResponseBudget} is spent; its token then resumes after the last entry it holds. Tokens are
 * bound to their list ({@code feed-items#<id>} or {@code items#<since>}) and signed; the cross-feed token either
 * carries an index key (resume inside its day) or just the next day to read, and that day must lie within the
 * list's own window (the day of {@code since} to today, at most {@link EntryStore#MAX_SINCE_DAYS} days): a token
 * can never make one request read more days than the list itself may.
 */
final class EntryPages {
    private final DynamoDbClient dynamo;
    private final String table;
    private final PageTokens tokens;

    EntryPages(DynamoDbClient dynamo, String table, PageTokens tokens) {
        this.dynamo = dynamo;
        this.table = table;
        this.tokens = tokens;
    }

    Page<StoredEntry> listFeed(String feedId, int limit, String nextToken) {
        String scope = "feed-items#" + feedId;
        var page = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :entry)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.feedPartition(feedId)),
                        ":entry", s(EntryItems.ENTRY_PREFIX)))
                .scanIndexForward(false).limit(limit).exclusiveStartKey(tokens.decode(scope, nextToken)));
        var collected = new Collected(false);
        boolean cut = collected.addAll(page);
        return new Page<>(collected.items, tokens.encode(scope, cut ? collected.lastKey
                : page.lastEvaluatedKey()));
    }

    Page<StoredEntry> listSince(Instant since, Instant now, int limit, String nextToken) {
        String scope = "items#" + since;
        LocalDate firstDay = LocalDate.ofInstant(since, ZoneOffset.UTC);
        LocalDate lastDay = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, AttributeValue> cursor = tokens.decode(scope, nextToken);
        LocalDate day = cursor == null ? firstDay : cursorDay(cursor, firstDay, lastDay);
        Map<String, AttributeValue> start = cursor == null || cursor.containsKey("day") ? null : cursor;
        var collected = new Collected(true);
        List<StoredEntry> items = collected.items;
        while (!day.isAfter(lastDay)) {
            String bucket = EntryItems.DAY_PREFIX + day;
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(b -> b.tableName(table).indexName(EntryItems.BY_INGESTION)
                    .keyConditionExpression("gsi1pk = :day AND gsi1sk > :since")
                    .expressionAttributeValues(Map.of(":day", s(bucket), ":since", s(Keys.time(since))))
                    .limit(limit - items.size()).exclusiveStartKey(from));
            if (collected.addAll(page)) {
                return new Page<>(items, tokens.encode(scope, collected.lastKey));
            }
            boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
            start = more ? page.lastEvaluatedKey() : null;
            if (!more) {
                day = day.plusDays(1);
            }
            if (items.size() >= limit) {
                Map<String, AttributeValue> next = more ? page.lastEvaluatedKey()
                        : day.isAfter(lastDay) ? null : Map.of("day", s(day.toString()));
                return new Page<>(items, tokens.encode(scope, next));
            }
        }
        return new Page<>(items, null);
    }

    /**
     * The day a cross-feed cursor resumes at, which must lie in {@code [firstDay, lastDay]}.
     *
     * @throws InvalidFieldsException naming {@code nextToken} otherwise
     */
    private static LocalDate cursorDay(Map<String, AttributeValue> cursor, LocalDate firstDay, LocalDate lastDay) {
        AttributeValue value = cursor.containsKey("day") ? cursor.get("day") : cursor.get("gsi1pk");
        String text = value == null || value.s() == null ? "" : value.s();
        if (!cursor.containsKey("day")) {
            text = text.startsWith(EntryItems.DAY_PREFIX) ? text.substring(EntryItems.DAY_PREFIX.length()) : "";
        }
        try {
            LocalDate day = LocalDate.parse(text);
            if (!day.isBefore(firstDay) && !day.isAfter(lastDay)) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // refused below, like any other cursor this list cannot have issued
        }
        throw PageTokens.invalid();
    }

    /** The entries of one answer, within the response budget, and the key of the last one. */
    private static final class Collected {
        private final List<StoredEntry> items = new ArrayList<>();
        private final ResponseBudget budget = new ResponseBudget();
        private final boolean indexKeys;
        private Map<String, AttributeValue> lastKey;

        Collected(boolean indexKeys) {
            this.indexKeys = indexKeys;
        }

        /** Adds a query page's items while the budget allows; true when it ran out (resume after lastKey). */
        boolean addAll(QueryResponse page) {
            for (var item : page.items()) {
                StoredEntry entry = EntryItems.stored(item);
                if (!budget.admit(ResponseBudget.of(entry))) {
                    return true;
                }
                items.add(entry);
                lastKey = new HashMap<>(Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK)));
                if (indexKeys) {
                    lastKey.put("gsi1pk", item.get("gsi1pk"));
                    lastKey.put("gsi1sk", item.get("gsi1sk"));
                }
            }
            return false;
        }
    }
}
