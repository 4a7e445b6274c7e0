package dev.fnbundle.rss.ingest;

import dev.fnbundle.fetch.TransientFetchException;

/**
 * A feed could not be fetched for a reason that may pass (timeouts, 5xx, 429), even after the in-invocation
 * retries. The failure is already recorded and the feed backed off; the message fails so SQS delivers it again
 * after the queue's visibility timeout.
 */
public final class FeedUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String feedId;

    public FeedUnavailableException(String feedId, TransientFetchException cause) {
        super("feed " + feedId + " is temporarily unavailable: " + cause.getMessage(), cause);
        this.feedId = feedId;
    }

    public String feedId() {
        return feedId;
    }
}
