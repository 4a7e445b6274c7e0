package dev.fnbundle.rss.entries;

import dev.fnbundle.rss.feeds.Page;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Where entries live. Storing is exactly-once per (feed, dedupe key), however many fetches of the same feed run
 * at once or repeat. Implementations are thread-safe.
 */
public interface EntryStore {
    /** How far back {@link #listSince} reaches, in days. */
    int MAX_SINCE_DAYS = 30;

    /**
     * Stores the entries this store has not seen for their feed; entries already stored are left untouched (their
     * first version wins) and repeated keys within {@code entries} count once.
     *
     * @return how many were new, and whether storing stopped because the feed is gone or being deleted
     */
    StoreResult storeNew(String feedId, List<StoredEntry> entries);

    /**
     * A feed's entries, newest first by {@link StoredEntry#sortAt()}. A page may hold fewer than {@code limit}
     * entries when they are large (responses stay within Lambda's payload limit); the token then resumes there.
     */
    Page<StoredEntry> listFeed(String feedId, int limit, String nextToken);

    /**
     * Entries of every feed ingested after {@code since}, oldest ingestion first, up to {@code now}.
     *
     * @param since not before {@code now} minus {@link #MAX_SINCE_DAYS} days (the caller checks)
     */
    Page<StoredEntry> listSince(Instant since, Instant now, int limit, String nextToken);

    /**
     * Deletes a feed's entries and dedupe claims while {@code hasTime} says so.
     *
     * @return true when none are left
     */
    boolean purge(String feedId, BooleanSupplier hasTime);

    /**
     * @param stored   entries that were new and are now stored
     * @param feedGone true when storing stopped because the feed was deleted meanwhile
     */
    record StoreResult(int stored, boolean feedGone) {
    }
}
