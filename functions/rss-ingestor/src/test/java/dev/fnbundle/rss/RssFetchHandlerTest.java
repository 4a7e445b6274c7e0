package dev.fnbundle.rss;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.fetch.FetchSettings;
import dev.fnbundle.common.fetch.SafeHttpFetcher;
import dev.fnbundle.common.fetch.SsrfGuard;
import dev.fnbundle.common.fetch.TransientFetchException;
import dev.fnbundle.common.retry.Retry;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.rss.aws.DynamoEntryStore;
import dev.fnbundle.rss.aws.DynamoFeedRepository;
import dev.fnbundle.rss.entries.StoredEntry;
import dev.fnbundle.rss.feeds.FeedUrl;
import dev.fnbundle.rss.feeds.FetchStatus;
import dev.fnbundle.rss.feeds.Subscription;
import dev.fnbundle.rss.ingest.FetchTask;
import dev.fnbundle.rss.ingest.IngestResult;
import dev.fnbundle.rss.testing.FeedHost;
import dev.fnbundle.rss.testing.Feeds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The fetch queue consumer on DynamoDB Local and ElasticMQ against a local feed host: redelivered and overlapping
 * messages store every entry once, politeness defers through the real queue, transient failures fail the message
 * and permanent ones do not. The environment is the template's, with loopback fetching on as the local runtime
 * sets it.
 */
class RssFetchHandlerTest {
    private static final String SAMPLE_ID = "09f492bf54c7b376879400bd";
    private static FeedHost host;
    private static SafeHttpFetcher fetcher;
    private static RssConfig config;
    private static DynamoFeedRepository feeds;
    private static DynamoEntryStore entries;
    private static String queueUrl;

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        aws.provisionTable("FeedsTable");
        aws.provisionTable("FeedEntriesTable");
        queueUrl = aws.provisionQueue("FetchQueue");
        var env = new HashMap<>(aws.functionEnvironment("RssFetchFunction"));
        env.put(SsrfGuard.ALLOW_LOOPBACK_ENV, "true");
        config = RssConfig.from(Env.of(env));
        var tokens = RssWiring.pageTokens(config, aws.dynamoDb(), Clock.systemUTC());
        feeds = new DynamoFeedRepository(aws.dynamoDb(), config.feedsTable(), tokens);
        entries = new DynamoEntryStore(aws.dynamoDb(), config.entriesTable(), config.feedsTable(), tokens);
        host = new FeedHost();
        fetcher = new SafeHttpFetcher(new SsrfGuard(true), new FetchSettings(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(5), config.maxFetchBytes(), 3, "fnbundle-test/1.0"));
    }

    /** Every test starts with the local host free of politeness slots an earlier test reserved. */
    @BeforeEach
    void freeTheHost() {
        LocalAws.shared().dynamoDb().deleteItem(b -> b.tableName(config.feedsTable()).key(Map.of(
                "pk", AttributeValue.fromS("HOST#127.0.0.1"), "sk", AttributeValue.fromS("HOST"))));
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        host.close();
    }

    /** The handler as wired in production, with the given politeness interval and a quick retry policy. */
    private static RssFetchHandler handler(Duration hostInterval) {
        var tuned = new RssConfig(config.feedsTable(), config.entriesTable(), config.fetchQueueUrl(), true,
                hostInterval, config.maxFetchBytes());
        var retry = Retry.on(TransientFetchException.class).attempts(2).waitInitial(Duration.ofMillis(10))
                .waitMax(Duration.ofMillis(50)).build();
        return new RssFetchHandler(new FetchTaskWorker(RssWiring.ingestor(tuned, LocalAws.shared().dynamoDb(),
                LocalAws.shared().sqs(), fetcher, retry, Clock.systemUTC())));
    }

    /** A feed on the local host. */
    private static String subscribe(String path) {
        var feed = Subscription.create(FeedUrl.normalize(host.url(path)), null, Instant.now());
        feeds.create(feed);
        return feed.id();
    }

    private static SQSEvent message(String feedId) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(new FetchTask(feedId, "test", null).toJson());
        message.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:FetchQueue");
        var event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    private static List<StoredEntry> stored(String feedId) {
        var all = new ArrayList<StoredEntry>();
        String token = null;
        do {
            var page = entries.listFeed(feedId, 100, token);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/fetch-tasks.json", type = SQSEvent.class)
    void a_batch_delivered_twice_stores_each_entry_once_and_a_malformed_message_fails(SQSEvent event) {
        host.feed("/twice.xml", Feeds.rss("Twice", 1, 3), null, null);
        String feedId = subscribe("/twice.xml");
        event.getRecords().get(0).setBody(event.getRecords().get(0).getBody().replace(SAMPLE_ID, feedId));
        var handler = handler(Duration.ZERO);

        var first = handler.handleRequest(event, new FakeLambdaContext("rss-fetch"));
        var redelivered = handler.handleRequest(event, new FakeLambdaContext("rss-fetch"));

        String malformed = event.getRecords().get(1).getMessageId();
        assertThat(failed(first)).containsExactly(malformed);
        assertThat(failed(redelivered)).containsExactly(malformed);
        assertThat(host.requests("/twice.xml")).extracting(FeedHost.Request::status).containsExactly(200, 200);
        assertThat(stored(feedId)).extracting(StoredEntry::guid).containsExactly("post-3", "post-2", "post-1");
        var state = feeds.find(feedId).orElseThrow().fetch();
        assertThat(state.status()).isEqualTo(FetchStatus.OK);
        assertThat(state.newEntries()).isZero();
    }

    @Test
    void overlapping_fetches_of_one_feed_store_each_entry_once() {
        host.slow("/overlap.xml", Duration.ofMillis(300), Feeds.rss("Overlap", 1, 5));
        String feedId = subscribe("/overlap.xml");
        var handler = handler(Duration.ZERO);
        var worker = new FetchTaskWorker(RssWiring.ingestor(new RssConfig(config.feedsTable(),
                config.entriesTable(), config.fetchQueueUrl(), true, Duration.ZERO, config.maxFetchBytes()),
                LocalAws.shared().dynamoDb(), LocalAws.shared().sqs(), fetcher, RssWiring.retry(),
                Clock.systemUTC()));

        var runs = new ArrayList<CompletableFuture<IngestResult>>();
        for (int i = 0; i < 4; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> worker.handle(new FetchTask(feedId, "overlap", null)
                    .toJson())));
        }
        int stored = runs.stream().map(CompletableFuture::join).mapToInt(IngestResult::newEntries).sum();

        assertThat(stored).isEqualTo(5);
        assertThat(stored(feedId)).hasSize(5);
        assertThat(failed(handler.handleRequest(message(feedId), new FakeLambdaContext("rss-fetch")))).isEmpty();
        assertThat(stored(feedId)).hasSize(5);
    }

    @Test
    void a_second_feed_of_the_same_host_is_deferred_through_the_queue_to_its_politeness_slot() {
        host.feed("/polite-1.xml", Feeds.rss("P1", 1, 1), null, null);
        host.feed("/polite-2.xml", Feeds.rss("P2", 1, 1), null, null);
        String first = subscribe("/polite-1.xml");
        String second = subscribe("/polite-2.xml");
        var handler = handler(config.hostInterval());
        assertThat(config.hostInterval()).as("the template's interval").isEqualTo(Duration.ofSeconds(2));

        handler.handleRequest(message(first), new FakeLambdaContext("rss-fetch"));
        var deferred = handler.handleRequest(message(second), new FakeLambdaContext("rss-fetch"));

        assertThat(failed(deferred)).isEmpty();
        assertThat(host.requests("/polite-2.xml")).isEmpty();
        FetchTask requeued = awaitTask(second);
        assertThat(requeued.slotAt()).isNotNull();
        var event = message(second);
        event.getRecords().get(0).setBody(requeued.toJson());
        handler.handleRequest(event, new FakeLambdaContext("rss-fetch"));
        assertThat(host.requests("/polite-2.xml")).hasSize(1);
        assertThat(stored(second)).hasSize(1);
    }

    @Test
    void a_transient_failure_fails_the_message_and_a_permanent_one_completes_it() {
        host.status("/unavailable.xml", 503, Map.of());
        host.status("/missing.xml", 404, Map.of());
        String unavailable = subscribe("/unavailable.xml");
        String missing = subscribe("/missing.xml");
        var handler = handler(Duration.ZERO);

        var transientFailure = handler.handleRequest(message(unavailable), new FakeLambdaContext("rss-fetch"));
        var permanentFailure = handler.handleRequest(message(missing), new FakeLambdaContext("rss-fetch"));

        assertThat(failed(transientFailure)).hasSize(1);
        assertThat(failed(permanentFailure)).isEmpty();
        assertThat(host.requests("/unavailable.xml")).hasSize(2);
        var down = feeds.find(unavailable).orElseThrow().fetch();
        assertThat(down.status()).isEqualTo(FetchStatus.TRANSIENT_ERROR);
        assertThat(down.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(4)));
        var gone = feeds.find(missing).orElseThrow().fetch();
        assertThat(gone.status()).isEqualTo(FetchStatus.HTTP_ERROR);
        assertThat(gone.httpStatus()).isEqualTo(404);
        assertThat(gone.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
    }

    /** The deferred task for a feed from the fetch queue (delayed by at most a few seconds). */
    private static FetchTask awaitTask(String feedId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (var message : LocalAws.shared().sqs().receiveMessage(b -> b.queueUrl(queueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                FetchTask task = FetchTask.parse(message.body());
                if (task.feedId().equals(feedId)) {
                    LocalAws.shared().sqs().deleteMessage(b -> b.queueUrl(queueUrl)
                            .receiptHandle(message.receiptHandle()));
                    return task;
                }
            }
        }
        throw new AssertionError("no deferred task for " + feedId + " on the fetch queue");
    }
}
