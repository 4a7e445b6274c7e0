package dev.fnbundle.rss.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.rss.feeds.FeedUrl;
import dev.fnbundle.rss.feeds.FetchRecord;
import dev.fnbundle.rss.feeds.FetchStatus;
import dev.fnbundle.rss.feeds.Subscription;
import dev.fnbundle.rss.testing.InMemoryFeedRepository;
import dev.fnbundle.common.testing.MutableClock;
import dev.fnbundle.rss.testing.RecordingTaskQueue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FetchSchedulerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final InMemoryFeedRepository feeds = new InMemoryFeedRepository();
    private final RecordingTaskQueue queue = new RecordingTaskQueue();
    private final FetchScheduler scheduler = new FetchScheduler(feeds, queue, new MutableClock(NOW));

    private String feed(String url) {
        var feed = Subscription.create(FeedUrl.normalize(URI.create(url)), null, NOW.minusSeconds(60));
        feeds.create(feed);
        return feed.id();
    }

    @Test
    void one_task_is_queued_per_due_feed_and_backing_off_or_deleted_feeds_wait() {
        String due = feed("https://a.example.com/feed");
        String healthy = feed("https://b.example.com/feed");
        feeds.recordFetch(healthy, new FetchRecord(FetchStatus.OK, 200, null, 0, NOW, NOW, null, null, null, null,
                0));
        String failing = feed("https://c.example.com/feed");
        feeds.recordFetch(failing, FetchRecord.failure(FetchStatus.HTTP_ERROR, 404, "HTTP 404", 1, NOW,
                NOW.plus(Duration.ofHours(1))));
        String deleted = feed("https://d.example.com/feed");
        feeds.markDeleting(deleted);

        int queued = scheduler.fanOut("run-7");

        assertThat(queued).isEqualTo(2);
        assertThat(queue.sent()).extracting(s -> s.task().feedId()).containsExactlyInAnyOrder(due, healthy);
        assertThat(queue.sent()).allMatch(s -> s.task().run().equals("run-7") && s.task().slotAt() == null);
    }

    @Test
    void many_feeds_are_queued_page_by_page() {
        for (int i = 0; i < 250; i++) {
            feed("https://many.example.com/feed/" + i);
        }

        assertThat(scheduler.fanOut("run")).isEqualTo(250);
        assertThat(queue.sent()).extracting(s -> s.task().feedId()).doesNotHaveDuplicates().hasSize(250);
    }
}
