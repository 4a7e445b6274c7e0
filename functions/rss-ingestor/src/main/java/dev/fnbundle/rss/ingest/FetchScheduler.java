package dev.fnbundle.rss.ingest;

import dev.fnbundle.rss.feeds.FeedRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * The hourly fan-out: one fetch task per feed that is due (its {@code nextAttemptAt} has passed), so each feed is
 * fetched by its own queue message and a slow or failing feed delays no other. Feeds backing off after failures
 * are not due and are not queued. A repeated run queues the due feeds again; that is harmless, because entries
 * are stored once and a repeated fetch is a cheap conditional GET.
 */
public final class FetchScheduler {
    private static final int PAGE = 100;

    private final FeedRepository feeds;
    private final TaskQueue queue;
    private final Clock clock;

    /** @throws NullPointerException if an argument is null */
    public FetchScheduler(FeedRepository feeds, TaskQueue queue, Clock clock) {
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Queues every due feed.
     *
     * @param run names this run in the tasks (for logs)
     * @return how many tasks were queued
     */
    public int fanOut(String run) {
        int[] queued = {0};
        feeds.forEachDue(clock.instant(), PAGE, ids -> {
            queue.send(ids.stream().map(id -> new FetchTask(id, run, null)).toList());
            queued[0] += ids.size();
        });
        return queued[0];
    }
}
