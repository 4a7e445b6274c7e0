package dev.fnbundle.rss;

import dev.fnbundle.rss.ingest.FeedIngestor;
import dev.fnbundle.rss.ingest.FetchTask;
import dev.fnbundle.rss.ingest.IngestResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one fetch queue message. A malformed body throws, so after the queue's receive limit it rests in the
 * dead-letter queue; a transient fetch failure throws {@link dev.fnbundle.rss.ingest.FeedUnavailableException}
 * (already recorded) so SQS retries it later; everything else, permanent failures included, completes the message.
 */
final class FetchTaskWorker {
    private static final Logger LOG = LoggerFactory.getLogger(FetchTaskWorker.class);

    private final FeedIngestor ingestor;

    FetchTaskWorker(FeedIngestor ingestor) {
        this.ingestor = ingestor;
    }

    IngestResult handle(String body) {
        FetchTask task = FetchTask.parse(body);
        long started = System.nanoTime();
        IngestResult result = ingestor.ingest(task);
        LOG.info("fetch task done feedId={} run={} outcome={} status={} newEntries={} durationMs={}", task.feedId(),
                task.run(), result.outcome(), result.status() == null ? "-" : result.status().id(),
                result.newEntries(), (System.nanoTime() - started) / 1_000_000);
        return result;
    }
}
