package dev.fnbundle.rss.feeds;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscribed feed and its fetch state.
 *
 * @param id        the id derived from the normalized URL ({@link FeedUrl})
 * @param url       the normalized URL, never null
 * @param title     the title the subscriber gave, or null
 * @param createdAt when it was subscribed
 * @param feedTitle the title the feed itself carries (from the last 200), or null
 * @param feedLink  the site link the feed carries, or null
 * @param fetch     the fetch state, never null
 * @param deleting  true once a delete has started: the feed is no longer listed, scheduled or fetched
 */
public record Subscription(String id, String url, String title, Instant createdAt, String feedTitle,
                           String feedLink, FetchState fetch, boolean deleting) {
    /** @throws NullPointerException if an identifying component is null */
    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(fetch, "fetch");
    }

    /** A new subscription, due for its first fetch at once. */
    public static Subscription create(FeedUrl url, String title, Instant now) {
        return new Subscription(url.id(), url.uri().toString(), title, now, null, null, FetchState.pending(now),
                false);
    }
}
