package dev.fnbundle.rss.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.retry.Retry;
import dev.fnbundle.fetch.FetchSettings;
import dev.fnbundle.fetch.SafeHttpFetcher;
import dev.fnbundle.fetch.SsrfGuard;
import dev.fnbundle.fetch.TransientFetchException;
import dev.fnbundle.rss.entries.StoredEntry;
import dev.fnbundle.rss.feeds.FeedUrl;
import dev.fnbundle.rss.feeds.FetchRecord;
import dev.fnbundle.rss.feeds.FetchState;
import dev.fnbundle.rss.feeds.FetchStatus;
import dev.fnbundle.rss.feeds.Subscription;
import dev.fnbundle.rss.ingest.IngestResult.Outcome;
import dev.fnbundle.rss.parse.FeedParser;
import dev.fnbundle.rss.testing.FeedHost;
import dev.fnbundle.rss.testing.Feeds;
import dev.fnbundle.rss.testing.InMemoryEntryStore;
import dev.fnbundle.rss.testing.InMemoryFeedRepository;
import dev.fnbundle.rss.testing.InMemoryHostSchedule;
import dev.fnbundle.common.testing.MutableClock;
import dev.fnbundle.rss.testing.RecordingTaskQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fetch pipeline against a real local HTTP server and the real SSRF-safe fetcher, with in-memory stores:
 * conditional GET, retries on transient failures only, backoff, permanent failures, politeness, exactly-once.
 */
class FeedIngestorTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static FeedHost host;
    private static SafeHttpFetcher fetcher;

    private final MutableClock clock = new MutableClock(START);
    private final List<Duration> waits = new ArrayList<>();
    private InMemoryFeedRepository feeds;
    private InMemoryEntryStore entries;
    private RecordingTaskQueue queue;
    private FeedIngestor ingestor;

    @BeforeAll
    static void startHost() {
        host = new FeedHost();
        fetcher = new SafeHttpFetcher(new SsrfGuard(true), new FetchSettings(Duration.ofSeconds(1),
                Duration.ofMillis(500), Duration.ofSeconds(3), 64 * 1024, 3, "fnbundle-test/1.0"));
    }

    @AfterAll
    static void stopHost() {
        fetcher.close();
        host.close();
    }

    @BeforeEach
    void wire() {
        feeds = new InMemoryFeedRepository();
        entries = new InMemoryEntryStore(feeds);
        queue = new RecordingTaskQueue();
        ingestor = ingestor(Duration.ofSeconds(10), 1000);
    }

    private FeedIngestor ingestor(Duration hostInterval, int maxEntries) {
        var retry = Retry.on(TransientFetchException.class).attempts(3).waitInitial(Duration.ofMillis(100))
                .waitMax(Duration.ofSeconds(4)).timeout(Duration.ofSeconds(30)).random(() -> 0.5)
                .sleeper(wait -> waits.add(wait)).build();
        return new FeedIngestor(feeds, entries, new InMemoryHostSchedule(hostInterval, Duration.ofMinutes(50)),
                queue, fetcher, new FeedParser(), retry, Backoff.defaults(),
                new IngestSettings(hostInterval, Duration.ofSeconds(4), maxEntries), clock);
    }

    private Subscription subscribe(String path) {
        var feed = Subscription.create(FeedUrl.normalize(host.url(path)), null, clock.instant());
        feeds.create(feed);
        return feed;
    }

    private FetchState state(Subscription feed) {
        return feeds.find(feed.id()).orElseThrow().fetch();
    }

    private IngestResult ingest(Subscription feed) {
        return ingestor.ingest(new FetchTask(feed.id(), "test", null));
    }

    /** Moves past the politeness interval so the next fetch of the host is not deferred. */
    private void later() {
        clock.advance(Duration.ofSeconds(11));
    }

    @Test
    void a_fetch_stores_every_entry_and_keeps_the_validators_and_the_feeds_own_title() {
        host.feed("/store.xml", Feeds.rss("Stored", 1, 3), "\"v1\"", "Mon, 30 Nov 2026 10:00:00 GMT");
        var feed = subscribe("/store.xml");

        IngestResult result = ingest(feed);

        assertThat(result.outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(result.newEntries()).isEqualTo(3);
        assertThat(entries.of(feed.id())).extracting(StoredEntry::guid)
                .containsExactlyInAnyOrder("post-1", "post-2", "post-3");
        FetchState state = state(feed);
        assertThat(state.status()).isEqualTo(FetchStatus.OK);
        assertThat(state.etag()).isEqualTo("\"v1\"");
        assertThat(state.lastModified()).isEqualTo("Mon, 30 Nov 2026 10:00:00 GMT");
        assertThat(state.errorCount()).isZero();
        assertThat(state.nextAttemptAt()).isEqualTo(START);
        assertThat(feeds.find(feed.id()).orElseThrow().feedTitle()).isEqualTo("Stored");
    }

    @Test
    void the_next_fetch_is_conditional_and_a_304_stores_nothing() {
        host.feed("/conditional.xml", Feeds.rss("Conditional", 1, 2), "\"etag-7\"", null);
        var feed = subscribe("/conditional.xml");
        ingest(feed);
        later();

        IngestResult second = ingest(feed);

        assertThat(second.outcome()).isEqualTo(Outcome.NOT_MODIFIED);
        var requests = host.requests("/conditional.xml");
        assertThat(requests).extracting(FeedHost.Request::ifNoneMatch).containsExactly(null, "\"etag-7\"");
        assertThat(requests).extracting(FeedHost.Request::status).containsExactly(200, 304);
        assertThat(entries.of(feed.id())).hasSize(2);
        assertThat(state(feed).status()).isEqualTo(FetchStatus.NOT_MODIFIED);
        assertThat(state(feed).etag()).isEqualTo("\"etag-7\"");
    }

    @Test
    void last_modified_alone_is_sent_back_as_if_modified_since() {
        host.feed("/dated.xml", Feeds.rss("Dated", 1, 1), null, "Tue, 01 Dec 2026 08:00:00 GMT");
        var feed = subscribe("/dated.xml");
        ingest(feed);
        later();

        assertThat(ingest(feed).outcome()).isEqualTo(Outcome.NOT_MODIFIED);
        assertThat(host.requests("/dated.xml")).extracting(FeedHost.Request::ifModifiedSince)
                .containsExactly(null, "Tue, 01 Dec 2026 08:00:00 GMT");
    }

    @Test
    void a_changed_feed_adds_only_its_new_entries() {
        host.feed("/growing.xml", Feeds.rss("Growing", 1, 2), "\"a\"", null);
        var feed = subscribe("/growing.xml");
        ingest(feed);
        host.feed("/growing.xml", Feeds.rss("Growing", 1, 4), "\"b\"", null);
        later();

        IngestResult result = ingest(feed);

        assertThat(result.newEntries()).isEqualTo(2);
        assertThat(entries.of(feed.id())).hasSize(4);
        assertThat(state(feed).newEntries()).isEqualTo(2);
    }

    @Test
    void a_transient_failure_is_retried_with_backoff_and_then_succeeds() {
        var calls = new AtomicInteger();
        host.route("/flaky.xml", exchange -> calls.incrementAndGet() == 1
                ? host.send(exchange, 503, "text/plain", "busy")
                : host.send(exchange, 200, "application/rss+xml", Feeds.rss("Flaky", 1, 1)));
        var feed = subscribe("/flaky.xml");

        IngestResult result = ingest(feed);

        assertThat(result.outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(calls).hasValue(2);
        assertThat(waits).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void a_host_that_keeps_failing_is_recorded_backed_off_and_the_message_fails() {
        host.status("/down.xml", 503, Map.of());
        var feed = subscribe("/down.xml");

        assertThatThrownBy(() -> ingest(feed)).isInstanceOf(FeedUnavailableException.class);

        assertThat(host.requests("/down.xml")).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
        FetchState state = state(feed);
        assertThat(state.status()).isEqualTo(FetchStatus.TRANSIENT_ERROR);
        assertThat(state.httpStatus()).isEqualTo(503);
        assertThat(state.errorCount()).isEqualTo(1);
        assertThat(state.nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void a_long_retry_after_is_not_waited_for_but_becomes_the_next_attempt() {
        host.status("/limited.xml", 429, Map.of("Retry-After", "1800"));
        var feed = subscribe("/limited.xml");

        assertThatThrownBy(() -> ingest(feed)).isInstanceOf(FeedUnavailableException.class);

        assertThat(host.requests("/limited.xml")).hasSize(1);
        assertThat(state(feed).nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
    }

    @Test
    void a_slow_host_times_out_as_a_transient_failure() {
        host.slow("/slow.xml", Duration.ofSeconds(2), Feeds.rss("Slow", 1, 1));
        var feed = subscribe("/slow.xml");

        assertThatThrownBy(() -> ingest(feed)).isInstanceOf(FeedUnavailableException.class);

        assertThat(state(feed).status()).isEqualTo(FetchStatus.TRANSIENT_ERROR);
        assertThat(state(feed).error()).contains("127.0.0.1");
    }

    @Test
    void a_permanent_failure_is_recorded_without_failing_the_message_and_backs_off_exponentially() {
        host.status("/gone.xml", 404, Map.of());
        var feed = subscribe("/gone.xml");

        IngestResult first = ingest(feed);
        clock.advance(Duration.ofMinutes(30));
        IngestResult tooSoon = ingest(feed);
        clock.advance(Duration.ofMinutes(31));
        IngestResult second = ingest(feed);

        assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(first.status()).isEqualTo(FetchStatus.HTTP_ERROR);
        assertThat(tooSoon.outcome()).isEqualTo(Outcome.SKIPPED_BACKING_OFF);
        assertThat(second.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(host.requests("/gone.xml")).hasSize(2);
        FetchState state = state(feed);
        assertThat(state.httpStatus()).isEqualTo(404);
        assertThat(state.errorCount()).isEqualTo(2);
        assertThat(state.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
    }

    @Test
    void a_feed_another_delivery_fetched_a_moment_ago_is_fetched_again_not_taken_for_backing_off() {
        host.feed("/just-fetched.xml", Feeds.rss("Twice", 2, 2), null, null);
        var feed = subscribe("/just-fetched.xml");
        // The duplicate's instance recorded its success with a clock a little ahead of this one.
        Instant otherClock = START.plusMillis(300);
        feeds.recordFetch(feed.id(), new FetchRecord(FetchStatus.OK, 200, null, 0, otherClock, otherClock, null,
                null, "Twice", null, 0));

        IngestResult result = ingest(feed);

        assertThat(result.outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(host.requests("/just-fetched.xml")).hasSize(1);
        assertThat(state(feed).status()).isEqualTo(FetchStatus.OK);
    }

    @Test
    void a_success_resets_the_error_count() {
        host.status("/recovers.xml", 410, Map.of());
        var feed = subscribe("/recovers.xml");
        ingest(feed);
        assertThat(state(feed).errorCount()).isEqualTo(1);
        host.feed("/recovers.xml", Feeds.rss("Back", 1, 1), null, null);
        clock.advance(Duration.ofHours(1));

        assertThat(ingest(feed).outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(state(feed).errorCount()).isZero();
        assertThat(state(feed).error()).isNull();
    }

    @Test
    void an_html_page_is_an_invalid_feed() {
        host.route("/page", exchange -> host.send(exchange, 200, "text/html",
                "<!DOCTYPE html><html><head><title>Home</title></head><body><p>hi</p></body></html>"));
        var feed = subscribe("/page");

        IngestResult result = ingest(feed);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(state(feed).status()).isEqualTo(FetchStatus.INVALID_FEED);
        assertThat(state(feed).httpStatus()).isEqualTo(200);
        assertThat(state(feed).error()).startsWith("html_page");
    }

    @Test
    void a_redirect_to_a_private_address_is_refused_at_fetch_time() {
        host.status("/moved.xml", 302, Map.of("Location", "http://10.0.0.7/feed.xml"));
        var feed = subscribe("/moved.xml");

        IngestResult result = ingest(feed);

        assertThat(result.status()).isEqualTo(FetchStatus.REFUSED);
        assertThat(state(feed).error()).contains("10.0.0.7").contains("private");
    }

    @Test
    void an_oversized_feed_is_cut_at_the_cap_and_recorded_as_too_large() {
        host.endless("/huge.xml");
        var feed = subscribe("/huge.xml");

        IngestResult result = ingest(feed);

        assertThat(result.status()).isEqualTo(FetchStatus.TOO_LARGE);
        assertThat(entries.of(feed.id())).isEmpty();
    }

    @Test
    void entries_past_the_per_fetch_cap_are_left_for_later() {
        ingestor = ingestor(Duration.ofSeconds(10), 2);
        host.feed("/many.xml", Feeds.rss("Many", 1, 5), null, null);
        var feed = subscribe("/many.xml");

        assertThat(ingest(feed).newEntries()).isEqualTo(2);
        assertThat(entries.of(feed.id())).extracting(StoredEntry::guid).containsExactlyInAnyOrder("post-5", "post-4");
    }

    @Test
    void a_deleted_feed_is_not_fetched() {
        host.feed("/deleted.xml", Feeds.rss("Deleted", 1, 1), null, null);
        var feed = subscribe("/deleted.xml");
        feeds.markDeleting(feed.id());

        assertThat(ingest(feed).outcome()).isEqualTo(Outcome.SKIPPED_GONE);
        assertThat(ingestor.ingest(new FetchTask("0123456789abcdef01234567", "test", null)).outcome())
                .isEqualTo(Outcome.SKIPPED_GONE);
        assertThat(host.requests("/deleted.xml")).isEmpty();
    }

    @Test
    void a_second_feed_of_a_busy_host_is_deferred_to_its_slot_and_fetched_when_it_comes() {
        host.feed("/polite-a.xml", Feeds.rss("A", 1, 1), null, null);
        host.feed("/polite-b.xml", Feeds.rss("B", 1, 1), null, null);
        var a = subscribe("/polite-a.xml");
        var b = subscribe("/polite-b.xml");
        ingest(a);

        IngestResult deferred = ingest(b);

        assertThat(deferred.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(deferred.deferredUntil()).isEqualTo(START.plusSeconds(10));
        assertThat(host.requests("/polite-b.xml")).isEmpty();
        var sent = queue.sent();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).delay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(sent.get(0).task().slotAt()).isEqualTo(START.plusSeconds(10));

        clock.advance(Duration.ofSeconds(10));
        IngestResult inSlot = ingestor.ingest(FetchTask.parse(sent.get(0).task().toJson()));

        assertThat(inSlot.outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(queue.sent()).hasSize(1);
    }

    @Test
    void a_host_booked_beyond_the_horizon_is_skipped_until_the_next_run() {
        ingestor = ingestor(Duration.ofMinutes(30), 1000);
        host.feed("/h1.xml", Feeds.rss("1", 1, 1), null, null);
        var feedsOfHost = List.of(subscribe("/h1.xml"), subscribe("/h2.xml"), subscribe("/h3.xml"),
                subscribe("/h4.xml"));

        var outcomes = feedsOfHost.stream().map(f -> ingest(f).outcome()).toList();

        // 30-minute slots, 50-minute horizon: now, +30 min, and then nothing before the next run
        assertThat(outcomes).containsExactly(Outcome.FETCHED, Outcome.DEFERRED, Outcome.SKIPPED_HOST_BUSY,
                Outcome.SKIPPED_HOST_BUSY);
    }
}
