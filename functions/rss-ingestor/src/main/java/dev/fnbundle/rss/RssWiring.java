package dev.fnbundle.rss;

import dev.fnbundle.common.aws.AwsClients;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.fetch.FetchSettings;
import dev.fnbundle.common.fetch.SafeHttpFetcher;
import dev.fnbundle.common.fetch.SsrfGuard;
import dev.fnbundle.common.fetch.TransientFetchException;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.common.retry.Retry;
import dev.fnbundle.rss.aws.DynamoEntryStore;
import dev.fnbundle.rss.aws.DynamoFeedRepository;
import dev.fnbundle.rss.aws.DynamoHostSchedule;
import dev.fnbundle.rss.aws.SqsTaskQueue;
import dev.fnbundle.rss.feeds.FeedService;
import dev.fnbundle.rss.ingest.Backoff;
import dev.fnbundle.rss.ingest.FeedIngestor;
import dev.fnbundle.rss.ingest.FetchScheduler;
import dev.fnbundle.rss.ingest.IngestSettings;
import dev.fnbundle.rss.parse.FeedParser;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds each function's services once per execution environment: clients, adapters and the plain-Java cores.
 */
public final class RssWiring {
    /** Politeness slots are not handed out further ahead than this: the next hourly run takes over. */
    static final Duration HOST_HORIZON = Duration.ofMinutes(50);
    /** In-invocation retries: three attempts, 0.5 s doubling to 4 s with full jitter, none starting after 30 s. */
    static final Duration RETRY_WAIT_MAX = Duration.ofSeconds(4);
    static final int MAX_ENTRIES_PER_FETCH = 1000;

    private RssWiring() {
    }

    /** The API's subscription service. */
    public static FeedService feeds(Env env) {
        var config = RssConfig.from(env);
        return feeds(config, AwsClients.dynamoDb(env), new SsrfGuard(config.allowLoopbackFetch()),
                Clock.systemUTC());
    }

    public static FeedService feeds(RssConfig config, DynamoDbClient dynamo, SsrfGuard guard, Clock clock) {
        var tokens = pageTokens(config, dynamo, clock);
        return new FeedService(new DynamoFeedRepository(dynamo, config.feedsTable(), tokens),
                new DynamoEntryStore(dynamo, config.entriesTable(), config.feedsTable(), tokens), guard, clock);
    }

    /** Page tokens signed with the key kept in the feeds table (read on first use only). */
    public static PageTokens pageTokens(RssConfig config, DynamoDbClient dynamo, Clock clock) {
        return PageTokens.inTable(dynamo, config.feedsTable(), clock);
    }

    /** The hourly fan-out. */
    public static FetchScheduler scheduler(Env env) {
        var config = RssConfig.from(env);
        var dynamo = AwsClients.dynamoDb(env);
        return new FetchScheduler(new DynamoFeedRepository(dynamo, config.feedsTable(),
                pageTokens(config, dynamo, Clock.systemUTC())),
                new SqsTaskQueue(AwsClients.sqs(env), config.requiredQueueUrl()), Clock.systemUTC());
    }

    /** The fetch queue consumer's ingestor, with its fetcher (one connection pool per process). */
    public static FeedIngestor ingestor(Env env) {
        var config = RssConfig.from(env);
        var fetcher = new SafeHttpFetcher(new SsrfGuard(config.allowLoopbackFetch()), fetchSettings(config));
        return ingestor(config, AwsClients.dynamoDb(env), AwsClients.sqs(env), fetcher, retry(), Clock.systemUTC());
    }

    public static FeedIngestor ingestor(RssConfig config, DynamoDbClient dynamo, SqsClient sqs,
                                        SafeHttpFetcher fetcher, Retry retry, Clock clock) {
        var tokens = pageTokens(config, dynamo, clock);
        return new FeedIngestor(new DynamoFeedRepository(dynamo, config.feedsTable(), tokens),
                new DynamoEntryStore(dynamo, config.entriesTable(), config.feedsTable(), tokens),
                new DynamoHostSchedule(dynamo, config.feedsTable(), config.hostInterval(), HOST_HORIZON),
                new SqsTaskQueue(sqs, config.requiredQueueUrl()), fetcher, new FeedParser(), retry,
                Backoff.defaults(), new IngestSettings(config.hostInterval(), RETRY_WAIT_MAX, MAX_ENTRIES_PER_FETCH),
                clock);
    }

    /** Connect 5 s, read 10 s, 20 s in all, 5 redirects, the configured body cap. */
    public static FetchSettings fetchSettings(RssConfig config) {
        return new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
                config.maxFetchBytes(), 5, "fnbundle-feed-fetcher/1.0");
    }

    /** Retries transient fetch failures only (the stamina policy), bounded well inside the function timeout. */
    public static Retry retry() {
        return Retry.on(TransientFetchException.class).attempts(3).waitInitial(Duration.ofMillis(500))
                .waitMax(RETRY_WAIT_MAX).timeout(Duration.ofSeconds(30)).build();
    }
}
