package dev.fnbundle.rss.ingest;

import dev.fnbundle.rss.feeds.FetchStatus;
import java.time.Instant;

/**
 * What handling one fetch task did.
 *
 * @param feedId        the feed
 * @param outcome       what happened
 * @param status        the fetch status recorded, or null when nothing was fetched
 * @param newEntries    entries stored by this task
 * @param deferredUntil for {@link Outcome#DEFERRED}, the host slot the re-queued task holds; else null
 */
public record IngestResult(String feedId, Outcome outcome, FetchStatus status, int newEntries,
                           Instant deferredUntil) {

    /** What happened to a task. */
    public enum Outcome {
        /** 200: parsed, new entries stored. */
        FETCHED,
        /** 304: nothing changed. */
        NOT_MODIFIED,
        /** A permanent failure was recorded and the feed backed off; the message is done. */
        FAILED,
        /** The feed was deleted (or is being deleted). */
        SKIPPED_GONE,
        /** The feed is backing off after failures and not due yet. */
        SKIPPED_BACKING_OFF,
        /** The host's politeness slots are taken beyond the horizon; the next run will try again. */
        SKIPPED_HOST_BUSY,
        /** Re-queued with a delay until the host slot it now holds. */
        DEFERRED
    }

    static IngestResult skipped(String feedId, Outcome outcome) {
        return new IngestResult(feedId, outcome, null, 0, null);
    }
}
