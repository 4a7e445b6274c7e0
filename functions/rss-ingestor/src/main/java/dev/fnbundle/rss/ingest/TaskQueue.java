package dev.fnbundle.rss.ingest;

import java.time.Duration;
import java.util.List;

/** The fetch queue. */
public interface TaskQueue {
    /** Queues tasks; throws when any could not be queued (the caller's invocation is then retried). */
    void send(List<FetchTask> tasks);

    /** Queues one task to be delivered after {@code delay} (at most 15 minutes; longer is capped). */
    void sendLater(FetchTask task, Duration delay);
}
