package dev.fnbundle.rss.feeds;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of one fetch attempt, as written to the feed's state.
 *
 * @param status        how it ended, never null
 * @param httpStatus    the HTTP status, or 0 without a response
 * @param error         what went wrong, or null on success
 * @param errorCount    the new consecutive-failure count
 * @param fetchedAt     when the attempt ended
 * @param nextAttemptAt from when the schedule may enqueue the feed again
 * @param etag          on success, the validator to keep (null removes it); ignored on failure
 * @param lastModified  on success, the validator to keep (null removes it); ignored on failure
 * @param feedTitle     on a 200, the feed's own title, or null to keep the stored one
 * @param feedLink      on a 200, the feed's site link, or null to keep the stored one
 * @param newEntries    on a 200, how many entries were new; else null
 */
public record FetchRecord(FetchStatus status, int httpStatus, String error, int errorCount, Instant fetchedAt,
                          Instant nextAttemptAt, String etag, String lastModified, String feedTitle,
                          String feedLink, Integer newEntries) {
    /** @throws NullPointerException if a time or the status is null */
    public FetchRecord {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /** A failed attempt: validators and feed fields are left as they are. */
    public static FetchRecord failure(FetchStatus status, int httpStatus, String error, int errorCount,
                                      Instant fetchedAt, Instant nextAttemptAt) {
        return new FetchRecord(status, httpStatus, error, errorCount, fetchedAt, nextAttemptAt, null, null, null,
                null, null);
    }
}
