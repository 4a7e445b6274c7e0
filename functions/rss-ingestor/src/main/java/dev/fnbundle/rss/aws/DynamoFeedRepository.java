package dev.fnbundle.rss.aws;

import static dev.fnbundle.rss.aws.Keys.n;
import static dev.fnbundle.rss.aws.Keys.s;

import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.rss.feeds.FeedRepository;
import dev.fnbundle.rss.feeds.FetchRecord;
import dev.fnbundle.rss.feeds.Page;
import dev.fnbundle.rss.feeds.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Subscriptions in the feeds table (see {@link FeedItems} for the layout). Every state change is one conditional
 * write: creating only when absent, recording a fetch only while the feed exists and is not being deleted.
 */
public final class DynamoFeedRepository implements FeedRepository {
    /** Errors are stored for the subscriber to read; a server's long message is cut. */
    private static final int MAX_ERROR_CHARS = 1000;
    private static final String LIVE = "attribute_exists(pk) AND attribute_not_exists(deleting)";

    private final DynamoDbClient dynamo;
    private final String table;
    private final PageTokens tokens;

    /** @param tokens signs and checks the page tokens of {@link #list} */
    public DynamoFeedRepository(DynamoDbClient dynamo, String table, PageTokens tokens) {
        this.dynamo = dynamo;
        this.table = table;
        this.tokens = tokens;
    }

    @Override
    public boolean create(Subscription subscription) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(FeedItems.item(subscription))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Subscription> find(String id) {
        var item = dynamo.getItem(b -> b.tableName(table).key(Keys.feedKey(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(FeedItems.subscription(item));
    }

    @Override
    public Page<Subscription> list(int limit, String nextToken) {
        var start = tokens.decode("feeds", nextToken);
        var page = dynamo.query(b -> b.tableName(table).indexName(FeedItems.BY_CREATION)
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", s(FeedItems.LIST_PARTITION)))
                .limit(limit).exclusiveStartKey(start));
        return new Page<>(page.items().stream().map(FeedItems::subscription).toList(),
                tokens.encode("feeds", page.lastEvaluatedKey()));
    }

    @Override
    public void forEachDue(Instant now, int pageSize, Consumer<List<String>> batch) {
        // Page by page, not item by item: each page of up to pageSize ids is one batch.
        var pages = dynamo.queryPaginator(b -> b.tableName(table).indexName(FeedItems.DUE)
                .keyConditionExpression("gsi2pk = :p AND gsi2sk < :upper")
                .expressionAttributeValues(Map.of(":p", s(FeedItems.DUE_PARTITION),
                        ":upper", s(Keys.time(now) + "~")))
                .limit(pageSize));
        for (var page : pages) {
            var ids = new ArrayList<String>(page.items().size());
            page.items().forEach(item -> ids.add(item.get(Keys.PK).s().substring("FEED#".length())));
            if (!ids.isEmpty()) {
                batch.accept(ids);
            }
        }
    }

    @Override
    public boolean recordFetch(String id, FetchRecord record) {
        var set = new ArrayList<String>();
        var remove = new ArrayList<String>();
        var values = new HashMap<String, AttributeValue>();
        assign(set, values, "fetchStatus", s(record.status().id()));
        assign(set, values, "httpStatus", n(record.httpStatus()));
        assign(set, values, "errorCount", n(record.errorCount()));
        assign(set, values, "lastFetchedAt", s(Keys.time(record.fetchedAt())));
        assign(set, values, "nextAttemptAt", s(Keys.time(record.nextAttemptAt())));
        assign(set, values, "gsi2sk", s(FeedItems.dueKey(record.nextAttemptAt(), id)));
        if (record.status().isSuccess()) {
            assign(set, values, "lastSuccessAt", s(Keys.time(record.fetchedAt())));
            remove.add("fetchError");
            optional(set, remove, values, "etag", record.etag());
            optional(set, remove, values, "lastModified", record.lastModified());
            if (record.feedTitle() != null) {
                assign(set, values, "feedTitle", s(record.feedTitle()));
            }
            if (record.feedLink() != null) {
                assign(set, values, "feedLink", s(record.feedLink()));
            }
        } else {
            String error = record.error() == null ? record.status().id() : record.error();
            assign(set, values, "fetchError", s(error.length() > MAX_ERROR_CHARS
                    ? error.substring(0, MAX_ERROR_CHARS) : error));
        }
        if (record.newEntries() != null) {
            assign(set, values, "newEntries", n(record.newEntries()));
        } else {
            remove.add("newEntries");
        }
        String update = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE "
                + String.join(", ", remove));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Keys.feedKey(id)).updateExpression(update)
                    .conditionExpression(LIVE).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean markDeleting(String id) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Keys.feedKey(id))
                    .updateExpression("SET deleting = :true REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void delete(String id) {
        dynamo.deleteItem(b -> b.tableName(table).key(Keys.feedKey(id)));
    }

    private static void assign(List<String> set, Map<String, AttributeValue> values, String name,
                               AttributeValue value) {
        set.add(name + " = :" + name);
        values.put(":" + name, value);
    }

    private static void optional(List<String> set, List<String> remove, Map<String, AttributeValue> values,
                                 String name, String value) {
        if (value == null) {
            remove.add(name);
        } else {
            assign(set, values, name, s(value));
        }
    }
}
