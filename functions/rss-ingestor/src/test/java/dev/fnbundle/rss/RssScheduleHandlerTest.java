package dev.fnbundle.rss;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.rss.aws.DynamoFeedRepository;
import dev.fnbundle.rss.feeds.FeedUrl;
import dev.fnbundle.rss.feeds.FetchRecord;
import dev.fnbundle.rss.feeds.FetchStatus;
import dev.fnbundle.rss.feeds.Subscription;
import dev.fnbundle.rss.ingest.FetchTask;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;

/** The hourly fan-out on DynamoDB Local and ElasticMQ, fed the schedule event in events/rss-ingestor. */
class RssScheduleHandlerTest {
    private static DynamoFeedRepository feeds;
    private static String queueUrl;
    private static RssScheduleHandler handler;

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        String table = aws.provisionTable("FeedsTable");
        feeds = new DynamoFeedRepository(aws.dynamoDb(), table,
                PageTokens.inTable(aws.dynamoDb(), table, Clock.systemUTC()));
        aws.provisionTable("FeedEntriesTable");
        queueUrl = aws.provisionQueue("FetchQueue");
        handler = new RssScheduleHandler(RssWiring.scheduler(Env.of(aws.functionEnvironment("RssSchedulerFunction"))));
    }

    private static String feed(Instant createdAt) {
        var feed = Subscription.create(FeedUrl.normalize(URI.create("https://" + UUID.randomUUID()
                + ".example.com/feed")), null, createdAt);
        feeds.create(feed);
        return feed.id();
    }

    /** Every task of this run (and only those) off the queue. */
    private static List<FetchTask> drain(String run, int atLeast) {
        var tasks = new ArrayList<FetchTask>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int empty = 0;
        while (System.nanoTime() < deadline && (tasks.size() < atLeast || empty < 2)) {
            var messages = LocalAws.shared().sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            empty = messages.isEmpty() ? empty + 1 : 0;
            for (var message : messages) {
                FetchTask task = FetchTask.parse(message.body());
                if (task.run().equals(run)) {
                    tasks.add(task);
                    LocalAws.shared().sqs().deleteMessage(b -> b.queueUrl(queueUrl)
                            .receiptHandle(message.receiptHandle()));
                }
            }
        }
        return tasks;
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/fetch-schedule.json", type = ScheduledEvent.class)
    void every_due_feed_is_queued_once_and_feeds_backing_off_or_being_deleted_are_not(ScheduledEvent event) {
        event.setId(UUID.randomUUID().toString());
        Instant now = Instant.now();
        String due = feed(now.minusSeconds(5));
        String backingOff = feed(now.minusSeconds(5));
        feeds.recordFetch(backingOff, FetchRecord.failure(FetchStatus.HTTP_ERROR, 404, "HTTP 404", 1, now,
                now.plus(Duration.ofHours(1))));
        String deleting = feed(now.minusSeconds(5));
        feeds.markDeleting(deleting);

        var result = handler.handleRequest(event, new FakeLambdaContext("rss-scheduler"));

        var tasks = drain(event.getId(), result.get("queued"));
        assertThat(tasks).hasSize(result.get("queued"));
        var ids = tasks.stream().map(FetchTask::feedId).toList();
        assertThat(ids).contains(due).doesNotContain(backingOff, deleting).doesNotHaveDuplicates();
        assertThat(tasks).allMatch(t -> t.slotAt() == null);
    }
}
