package dev.fnbundle.rss;

import dev.fnbundle.rss.feeds.FetchState;
import dev.fnbundle.rss.feeds.Subscription;
import java.time.Instant;

/**
 * A subscription as the API shows it. {@code title} is the subscriber's title, else the feed's own.
 */
record FeedView(String id, String url, String title, String feedTitle, String feedLink, Instant createdAt,
                Fetch fetch) {

    /** The fetch state: how the last attempt went and when the next may happen. */
    record Fetch(String status, int httpStatus, String error, int errorCount, Instant lastFetchedAt,
                 Instant lastSuccessAt, Instant nextAttemptAt, String etag, String lastModified,
                 Integer newEntries) {
    }

    static FeedView of(Subscription feed) {
        FetchState f = feed.fetch();
        return new FeedView(feed.id(), feed.url(), feed.title() != null ? feed.title() : feed.feedTitle(),
                feed.feedTitle(), feed.feedLink(), feed.createdAt(),
                new Fetch(f.status().id(), f.httpStatus(), f.error(), f.errorCount(), f.lastFetchedAt(),
                        f.lastSuccessAt(), f.nextAttemptAt(), f.etag(), f.lastModified(), f.newEntries()));
    }
}
