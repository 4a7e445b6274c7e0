package dev.fnbundle.rss.feeds;

import java.time.Instant;
import java.util.Objects;

/**
 * What the fetcher knows about a feed after its last attempt.
 *
 * @param status        how the last attempt ended, never null
 * @param httpStatus    the HTTP status of the last attempt, or 0 when there was no response
 * @param error         what went wrong last, or null after a success
 * @param errorCount    consecutive failed attempts (0 after a success); drives the backoff
 * @param lastFetchedAt when the last attempt ended, or null before the first
 * @param lastSuccessAt when the last 200 or 304 was received, or null
 * @param nextAttemptAt the schedule enqueues the feed only from this time on, never null
 * @param etag          the validator sent as If-None-Match next time, or null
 * @param lastModified  the validator sent as If-Modified-Since next time, or null
 * @param newEntries    entries the last 200 stored, or null when the last attempt stored nothing
 */
public record FetchState(FetchStatus status, int httpStatus, String error, int errorCount, Instant lastFetchedAt,
                         Instant lastSuccessAt, Instant nextAttemptAt, String etag, String lastModified,
                         Integer newEntries) {
    /** @throws NullPointerException if {@code status} or {@code nextAttemptAt} is null */
    public FetchState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /**
     * True while a failing feed waits out its backoff. A feed whose last attempt succeeded never is: its
     * {@code nextAttemptAt} is the moment of that success, which another instance's clock (or a read that began
     * just before the success was recorded) can put a little after this one's {@code now}, and a task arriving then
     * must fetch, not be dropped.
     */
    public boolean backingOff(Instant now) {
        return errorCount > 0 && nextAttemptAt.isAfter(now);
    }

    /** A new subscription: due at once. */
    public static FetchState pending(Instant now) {
        return new FetchState(FetchStatus.PENDING, 0, null, 0, null, null, now, null, null, null);
    }
}
