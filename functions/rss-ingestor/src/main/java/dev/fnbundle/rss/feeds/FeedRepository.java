package dev.fnbundle.rss.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where subscriptions and their fetch state live. Implementations are thread-safe. */
public interface FeedRepository {
    /** Stores a new subscription; false (and nothing written) when one with its id exists. */
    boolean create(Subscription subscription);

    /** The subscription, including one that is being deleted. */
    Optional<Subscription> find(String id);

    /**
     * Subscriptions in the order they were created, without those being deleted.
     *
     * @param nextToken a token from the previous page, or null for the first
     * @throws dev.fnbundle.common.validation.InvalidFieldsException (a 400) when the token is not one this list
     *                                                               issued
     */
    Page<Subscription> list(int limit, String nextToken);

    /**
     * Hands the ids of the feeds whose {@code nextAttemptAt} is at or before {@code now} to {@code batch}, a page
     * at a time (at most {@code pageSize} ids per call); feeds being deleted are never due.
     */
    void forEachDue(Instant now, int pageSize, Consumer<List<String>> batch);

    /**
     * Writes a fetch attempt's result, unless the feed is gone or being deleted.
     *
     * @return false when the feed no longer exists or is being deleted
     */
    boolean recordFetch(String id, FetchRecord record);

    /**
     * Starts deleting a feed: from now on it is not listed, scheduled or fetched, and no entry can be stored for
     * it. Idempotent.
     *
     * @return false when there is no such feed
     */
    boolean markDeleting(String id);

    /** Removes the subscription record itself (after its entries were purged). */
    void delete(String id);
}
