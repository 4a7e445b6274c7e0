package dev.fnbundle.rss.aws;

import static dev.fnbundle.rss.aws.Keys.instant;
import static dev.fnbundle.rss.aws.Keys.n;
import static dev.fnbundle.rss.aws.Keys.put;
import static dev.fnbundle.rss.aws.Keys.s;
import static dev.fnbundle.rss.aws.Keys.text;

import dev.fnbundle.rss.feeds.FetchState;
import dev.fnbundle.rss.feeds.FetchStatus;
import dev.fnbundle.rss.feeds.Subscription;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The subscription item: {@code FEED#<id>} / {@code FEED}, with its fetch state. It is in two sparse indexes
 * while it is not being deleted: {@code FeedsByCreation} ({@code FEEDS} / createdAt#id) for listing and
 * {@code DueFeeds} ({@code DUE} / nextAttemptAt#id, keys only) for the hourly fan-out.
 */
final class FeedItems {
    static final String BY_CREATION = "FeedsByCreation";
    static final String DUE = "DueFeeds";
    static final String LIST_PARTITION = "FEEDS";
    static final String DUE_PARTITION = "DUE";

    private FeedItems() {
    }

    static Map<String, AttributeValue> item(Subscription feed) {
        var item = new HashMap<>(Keys.feedKey(feed.id()));
        item.put("feedId", s(feed.id()));
        item.put("url", s(feed.url()));
        put(item, "title", feed.title());
        item.put("createdAt", s(Keys.time(feed.createdAt())));
        FetchState fetch = feed.fetch();
        item.put("fetchStatus", s(fetch.status().id()));
        item.put("httpStatus", n(fetch.httpStatus()));
        item.put("errorCount", n(fetch.errorCount()));
        item.put("nextAttemptAt", s(Keys.time(fetch.nextAttemptAt())));
        item.put("gsi1pk", s(LIST_PARTITION));
        item.put("gsi1sk", s(Keys.time(feed.createdAt()) + "#" + feed.id()));
        item.put("gsi2pk", s(DUE_PARTITION));
        item.put("gsi2sk", s(dueKey(fetch.nextAttemptAt(), feed.id())));
        return item;
    }

    static String dueKey(Instant nextAttemptAt, String feedId) {
        return Keys.time(nextAttemptAt) + "#" + feedId;
    }

    static Subscription subscription(Map<String, AttributeValue> item) {
        var fetch = new FetchState(FetchStatus.fromId(item.get("fetchStatus").s()),
                Integer.parseInt(item.get("httpStatus").n()), text(item, "fetchError"),
                Integer.parseInt(item.get("errorCount").n()), instant(item, "lastFetchedAt"),
                instant(item, "lastSuccessAt"), instant(item, "nextAttemptAt"), text(item, "etag"),
                text(item, "lastModified"), item.containsKey("newEntries")
                        ? Integer.valueOf(item.get("newEntries").n()) : null);
        return new Subscription(item.get("feedId").s(), item.get("url").s(), text(item, "title"),
                instant(item, "createdAt"), text(item, "feedTitle"), text(item, "feedLink"), fetch,
                item.containsKey("deleting") && Boolean.TRUE.equals(item.get("deleting").bool()));
    }
}
