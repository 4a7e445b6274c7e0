package dev.fnbundle.rss.feeds;

import dev.fnbundle.common.fetch.SsrfGuard;
import dev.fnbundle.rss.entries.EntryStore;
import dev.fnbundle.rss.entries.StoredEntry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Subscriptions and reading what was ingested: subscribe (validated, SSRF-checked, idempotent per URL), list,
 * inspect, delete (with its entries), and the entry lists per feed and across feeds.
 *
 * <p>Subscribing a URL that is already subscribed is not an error: the existing subscription is returned
 * unchanged with {@code created == false} (HTTP 200 instead of 201), so a client that retries a timed-out POST
 * gets the same answer. The URL is checked with the SSRF guard here so a client learns at once why a URL is
 * refused; the fetcher checks again on every fetch and redirect, because DNS answers change.
 */
public final class FeedService {
    private final FeedRepository feeds;
    private final EntryStore entries;
    private final SsrfGuard guard;
    private final Clock clock;

    /** @throws NullPointerException if an argument is null */
    public FeedService(FeedRepository feeds, EntryStore entries, SsrfGuard guard, Clock clock) {
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.entries = Objects.requireNonNull(entries, "entries");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A subscription, and whether this call created it. */
    public record Subscribed(Subscription subscription, boolean created) {
    }

    /** Where a delete stands. */
    public enum Deletion {
        /** The subscription and all its entries are gone. */
        DELETED,
        /** The feed is hidden and its entries are being removed; repeating the delete continues. */
        IN_PROGRESS
    }

    /**
     * Subscribes a URL.
     *
     * @throws dev.fnbundle.common.validation.InvalidFieldsException naming url when it is not an absolute URL
     * @throws dev.fnbundle.common.fetch.SsrfRefusedException     when it may not be fetched, saying why
     * @throws dev.fnbundle.common.fetch.PermanentFetchException  {@code UNKNOWN_HOST} when the host does not resolve
     * @throws FeedBeingDeletedException                          when the same URL's subscription is being deleted
     */
    public Subscribed subscribe(String url, String title) {
        URI parsed = FeedUrl.syntax(url);
        guard.check(parsed);
        FeedUrl feedUrl = FeedUrl.normalize(parsed);
        Subscription fresh = Subscription.create(feedUrl, title, clock.instant());
        if (feeds.create(fresh)) {
            return new Subscribed(fresh, true);
        }
        Subscription existing = feeds.find(feedUrl.id()).orElseThrow(() -> new FeedBeingDeletedException(
                feedUrl.id()));
        if (existing.deleting()) {
            throw new FeedBeingDeletedException(existing.id());
        }
        return new Subscribed(existing, false);
    }

    /** Subscriptions in creation order. */
    public Page<Subscription> list(int limit, String nextToken) {
        return feeds.list(limit, nextToken);
    }

    /** @throws FeedNotFoundException when there is no such feed, or it is being deleted */
    public Subscription get(String id) {
        return feeds.find(id).filter(s -> !s.deleting()).orElseThrow(() -> new FeedNotFoundException(id));
    }

    /**
     * Deletes a feed and its entries. The feed disappears from lists, schedules and fetches at once; its entries
     * are removed within {@code budget} (at least one page of them), else the answer is {@code IN_PROGRESS}.
     *
     * @throws FeedNotFoundException when there is no such feed
     */
    public Deletion delete(String id, Duration budget) {
        if (!feeds.markDeleting(id)) {
            throw new FeedNotFoundException(id);
        }
        long deadline = System.nanoTime() + budget.toNanos();
        if (!entries.purge(id, () -> System.nanoTime() < deadline)) {
            return Deletion.IN_PROGRESS;
        }
        feeds.delete(id);
        return Deletion.DELETED;
    }

    /** A feed's entries, newest first. @throws FeedNotFoundException when there is no such feed */
    public Page<StoredEntry> items(String id, int limit, String nextToken) {
        get(id);
        return entries.listFeed(id, limit, nextToken);
    }

    /**
     * Entries of all feeds ingested after {@code since}, oldest first.
     *
     * @throws SinceOutOfRangeException when {@code since} is more than {@link EntryStore#MAX_SINCE_DAYS} days ago
     */
    public Page<StoredEntry> itemsSince(Instant since, int limit, String nextToken) {
        Instant now = clock.instant();
        if (since.isBefore(now.minus(Duration.ofDays(EntryStore.MAX_SINCE_DAYS)))) {
            throw new SinceOutOfRangeException(EntryStore.MAX_SINCE_DAYS);
        }
        return entries.listSince(since, now, limit, nextToken);
    }
}
