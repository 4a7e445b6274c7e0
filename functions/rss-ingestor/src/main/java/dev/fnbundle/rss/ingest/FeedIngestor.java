package dev.fnbundle.rss.ingest;

import dev.fnbundle.common.retry.Retry;
import dev.fnbundle.fetch.FetchOutcome;
import dev.fnbundle.fetch.FetchRequest;
import dev.fnbundle.fetch.PermanentFetchException;
import dev.fnbundle.fetch.SafeHttpFetcher;
import dev.fnbundle.fetch.TransientFetchException;
import dev.fnbundle.rss.entries.EntryStore;
import dev.fnbundle.rss.entries.StoredEntry;
import dev.fnbundle.rss.feeds.FeedRepository;
import dev.fnbundle.rss.feeds.FetchRecord;
import dev.fnbundle.rss.feeds.FetchStatus;
import dev.fnbundle.rss.feeds.Subscription;
import dev.fnbundle.rss.ingest.IngestResult.Outcome;
import dev.fnbundle.rss.parse.FeedParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Handles one fetch task: skip the feed if it is gone or backing off, wait for the host's politeness slot,
 * conditional GET through the SSRF-safe fetcher (retried with jittered exponential backoff on transient errors
 * only), stream-parse, store the new entries exactly once, record the outcome.
 *
 * <p>Failure policy: a transient failure that outlives the short in-invocation retries is recorded (error count
 * up, feed backed off a little) and rethrown as {@link FeedUnavailableException}, so the message fails and SQS
 * redelivers it later. A permanent failure (4xx, SSRF refusal, body too large, not a feed, unknown host) is
 * recorded and the feed backed off for longer, but the message succeeds: retrying cannot help, and a poison feed
 * must not loop through the queue. A task for a feed backing off after failures is dropped; the schedule
 * queues it again once the backoff is over.
 */
public final class FeedIngestor {
    /** A slot this close ahead is taken at once instead of re-queueing (SQS delays are whole seconds). */
    private static final Duration SLOT_TOLERANCE = Duration.ofSeconds(1);

    private final FeedRepository feeds;
    private final EntryStore entries;
    private final HostSchedule hosts;
    private final TaskQueue queue;
    private final FeedSource source;
    private final Retry retry;
    private final Backoff backoff;
    private final IngestSettings settings;
    private final Clock clock;

    /** @throws NullPointerException if an argument is null */
    public FeedIngestor(FeedRepository feeds, EntryStore entries, HostSchedule hosts, TaskQueue queue,
                        SafeHttpFetcher fetcher, FeedParser parser, Retry retry, Backoff backoff,
                        IngestSettings settings, Clock clock) {
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.entries = Objects.requireNonNull(entries, "entries");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.source = new FeedSource(fetcher, parser, settings);
    }

    /**
     * Handles one task.
     *
     * @throws FeedUnavailableException after recording a transient failure, so the message is retried
     * @throws RuntimeException         when the store fails (the message is retried; nothing is stored twice)
     */
    public IngestResult ingest(FetchTask task) {
        Optional<Subscription> found = feeds.find(task.feedId());
        if (found.isEmpty() || found.get().deleting()) {
            return IngestResult.skipped(task.feedId(), Outcome.SKIPPED_GONE);
        }
        Subscription feed = found.get();
        // Read after the state, so a fetch recorded just before the read is never in this task's future.
        Instant now = clock.instant();
        if (feed.fetch().backingOff(now)) {
            return IngestResult.skipped(feed.id(), Outcome.SKIPPED_BACKING_OFF);
        }
        URI url = URI.create(feed.url());
        Optional<IngestResult> notYet = awaitTurn(task, url, now);
        return notYet.orElseGet(() -> fetchAndStore(feed, url));
    }

    /** Empty when this task may fetch now; else what it did instead (re-queued itself, or gave up the run). */
    private Optional<IngestResult> awaitTurn(FetchTask task, URI url, Instant now) {
        Instant slot = task.slotAt();
        if (slot == null || now.isAfter(slot.plus(settings.hostInterval()))) {
            HostSchedule.Slot reserved = hosts.reserve(url.getHost().toLowerCase(Locale.ROOT), now);
            if (reserved instanceof HostSchedule.Busy) {
                return Optional.of(IngestResult.skipped(task.feedId(), Outcome.SKIPPED_HOST_BUSY));
            }
            if (reserved instanceof HostSchedule.Now) {
                return Optional.empty();
            }
            slot = ((HostSchedule.Later) reserved).at();
        }
        Duration wait = Duration.between(now, slot);
        if (wait.compareTo(SLOT_TOLERANCE) <= 0) {
            return Optional.empty();
        }
        queue.sendLater(task.withSlot(slot), wait);
        return Optional.of(new IngestResult(task.feedId(), Outcome.DEFERRED, null, 0, slot));
    }

    private IngestResult fetchAndStore(Subscription feed, URI url) {
        var request = new FetchRequest(url, feed.fetch().etag(), feed.fetch().lastModified());
        try {
            FetchOutcome<FeedSource.Parsed> outcome = retry.call(() -> source.fetch(request));
            if (outcome instanceof FetchOutcome.NotModified<FeedSource.Parsed> notModified) {
                return notModified(feed, notModified);
            }
            return fetched(feed, (FetchOutcome.Fetched<FeedSource.Parsed>) outcome);
        } catch (FeedSource.RetryLaterException e) {
            throw transientFailure(feed, e.failure(), e.failure().retryAfter());
        } catch (TransientFetchException e) {
            throw transientFailure(feed, e, e.retryAfter());
        } catch (PermanentFetchException e) {
            return permanentFailure(feed, FeedSource.statusOf(e), e.status(), e.getMessage());
        }
    }

    private IngestResult notModified(Subscription feed, FetchOutcome.NotModified<FeedSource.Parsed> outcome) {
        Instant now = clock.instant();
        feeds.recordFetch(feed.id(), new FetchRecord(FetchStatus.NOT_MODIFIED, 304, null, 0, now, now,
                outcome.etag(), outcome.lastModified(), null, null, null));
        return new IngestResult(feed.id(), Outcome.NOT_MODIFIED, FetchStatus.NOT_MODIFIED, 0, null);
    }

    private IngestResult fetched(Subscription feed, FetchOutcome.Fetched<FeedSource.Parsed> outcome) {
        FeedSource.Parsed parsed = outcome.body();
        int status = outcome.response().status();
        if (parsed.failure() != null) {
            return permanentFailure(feed, FetchStatus.INVALID_FEED, status, parsed.failure().getMessage());
        }
        Instant now = clock.instant();
        List<StoredEntry> candidates = new ArrayList<>(parsed.entries().size());
        for (int i = 0; i < parsed.entries().size(); i++) {
            candidates.add(StoredEntry.of(feed.id(), parsed.entries().get(i), now, i));
        }
        EntryStore.StoreResult stored = entries.storeNew(feed.id(), candidates);
        if (stored.feedGone()) {
            return new IngestResult(feed.id(), Outcome.SKIPPED_GONE, null, stored.stored(), null);
        }
        feeds.recordFetch(feed.id(), new FetchRecord(FetchStatus.OK, status, null, 0, now, now,
                outcome.response().etag(), outcome.response().lastModified(), parsed.feed().title(),
                parsed.feed().link(), stored.stored()));
        return new IngestResult(feed.id(), Outcome.FETCHED, FetchStatus.OK, stored.stored(), null);
    }

    private FeedUnavailableException transientFailure(Subscription feed, TransientFetchException e,
                                                      Duration retryAfter) {
        Instant now = clock.instant();
        int failures = feed.fetch().errorCount() + 1;
        Instant next = backoff.next(now, failures, false);
        if (retryAfter != null && now.plus(retryAfter).isAfter(next)) {
            next = now.plus(retryAfter);
        }
        feeds.recordFetch(feed.id(), FetchRecord.failure(FetchStatus.TRANSIENT_ERROR, e.status(), e.getMessage(),
                failures, now, next));
        return new FeedUnavailableException(feed.id(), e);
    }

    private IngestResult permanentFailure(Subscription feed, FetchStatus status, int httpStatus, String error) {
        Instant now = clock.instant();
        int failures = feed.fetch().errorCount() + 1;
        feeds.recordFetch(feed.id(), FetchRecord.failure(status, httpStatus, error, failures, now,
                backoff.next(now, failures, true)));
        return new IngestResult(feed.id(), Outcome.FAILED, status, 0, null);
    }
}
