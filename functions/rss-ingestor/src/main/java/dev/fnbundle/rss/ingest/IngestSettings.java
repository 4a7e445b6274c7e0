package dev.fnbundle.rss.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the fetcher.
 *
 * @param hostInterval       minimum time between two fetches of one host (also how long a held slot stays valid)
 * @param maxInlineWait      a server's Retry-After longer than this is not waited for inside the invocation: the
 *                           feed is rescheduled for then instead
 * @param maxEntriesPerFetch entries stored from one document at most; later ones (usually the oldest) are left
 */
public record IngestSettings(Duration hostInterval, Duration maxInlineWait, int maxEntriesPerFetch) {
    /** @throws IllegalArgumentException if a value is negative or the entry cap not positive */
    public IngestSettings {
        Objects.requireNonNull(hostInterval, "hostInterval");
        Objects.requireNonNull(maxInlineWait, "maxInlineWait");
        if (hostInterval.isNegative() || maxInlineWait.isNegative() || maxEntriesPerFetch <= 0) {
            throw new IllegalArgumentException("intervals must not be negative and the entry cap must be positive");
        }
    }
}
