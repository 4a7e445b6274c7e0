package dev.fnbundle.rss;

import dev.fnbundle.common.config.Env;
import dev.fnbundle.fetch.SsrfGuard;
import java.time.Duration;

/**
 * The RSS ingestor's settings, read once at init from the variables the template sets.
 *
 * @param feedsTable         FEEDS_TABLE: subscriptions with their fetch state, and per-host politeness slots
 * @param entriesTable       FEED_ENTRIES_TABLE: entries and their dedupe claims
 * @param fetchQueueUrl      FETCH_QUEUE_URL: one message per feed to fetch (null for the API, which needs none)
 * @param allowLoopbackFetch FETCH_ALLOW_LOOPBACK: only "true" lets the fetcher reach loopback (local runtime)
 * @param hostInterval       FETCH_HOST_INTERVAL_MS (default 2000): minimum time between two fetches of one host
 * @param maxFetchBytes      FETCH_MAX_BYTES (default 20 MiB): a larger feed is refused as too large
 */
public record RssConfig(String feedsTable, String entriesTable, String fetchQueueUrl, boolean allowLoopbackFetch,
                        Duration hostInterval, long maxFetchBytes) {

    public static RssConfig from(Env env) {
        return new RssConfig(env.required("FEEDS_TABLE"), env.required("FEED_ENTRIES_TABLE"),
                env.optional("FETCH_QUEUE_URL").orElse(null),
                env.optional(SsrfGuard.ALLOW_LOOPBACK_ENV).map(v -> v.strip().equalsIgnoreCase("true"))
                        .orElse(false),
                Duration.ofMillis(env.integer("FETCH_HOST_INTERVAL_MS", 2000)),
                env.integer("FETCH_MAX_BYTES", 20 * 1024 * 1024));
    }

    /** The queue URL, for the functions that send to the queue. @throws IllegalStateException when not set */
    public String requiredQueueUrl() {
        if (fetchQueueUrl == null) {
            throw new IllegalStateException("environment variable FETCH_QUEUE_URL is not set; the template sets it"
                    + " for the scheduler and the fetcher");
        }
        return fetchQueueUrl;
    }
}
