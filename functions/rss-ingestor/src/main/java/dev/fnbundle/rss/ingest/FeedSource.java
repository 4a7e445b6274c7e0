package dev.fnbundle.rss.ingest;

import dev.fnbundle.fetch.FetchOutcome;
import dev.fnbundle.fetch.FetchRequest;
import dev.fnbundle.fetch.FetchResponse;
import dev.fnbundle.fetch.PermanentFetchException;
import dev.fnbundle.fetch.SafeHttpFetcher;
import dev.fnbundle.fetch.TransientFetchException;
import dev.fnbundle.rss.feeds.FetchStatus;
import dev.fnbundle.rss.model.Entry;
import dev.fnbundle.rss.model.Feed;
import dev.fnbundle.rss.parse.FeedParseException;
import dev.fnbundle.rss.parse.FeedParser;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One fetch of a feed, streamed straight into the parser while the connection is open (the body is never held
 * whole; entries are, up to the per-fetch cap). Parse failures are returned, not thrown, so the retry policy only
 * ever sees fetch failures; a body that breaks off mid-read is a transient failure.
 */
final class FeedSource {
    private final SafeHttpFetcher fetcher;
    private final FeedParser parser;
    private final IngestSettings settings;

    FeedSource(SafeHttpFetcher fetcher, FeedParser parser, IngestSettings settings) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.settings = settings;
    }

    /**
     * A parsed document, or why it is not a feed.
     *
     * @param feed    the feed fields, or null when {@code failure} is set
     * @param entries at most {@link IngestSettings#maxEntriesPerFetch()}, in document order
     * @param failure why the body is not a readable feed, or null
     */
    record Parsed(Feed feed, List<Entry> entries, FeedParseException failure) {
    }

    /** A transient failure whose server asked for a longer wait than is worth spending in the invocation. */
    static final class RetryLaterException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient TransientFetchException failure;

        RetryLaterException(TransientFetchException failure) {
            super(failure.getMessage(), failure);
            this.failure = failure;
        }

        TransientFetchException failure() {
            return failure;
        }
    }

    /** @throws dev.fnbundle.fetch.FetchException as {@link SafeHttpFetcher#fetch} */
    FetchOutcome<Parsed> fetch(FetchRequest request) {
        try {
            return fetcher.fetch(request, this::read);
        } catch (TransientFetchException e) {
            if (e.retryAfter() != null && e.retryAfter().compareTo(settings.maxInlineWait()) > 0) {
                throw new RetryLaterException(e);
            }
            throw e;
        }
    }

    private Parsed read(FetchResponse response, InputStream body) {
        var kept = new ArrayList<Entry>();
        try {
            Feed feed = parser.parse(body, response.charset(), response.finalUrl(), entry -> {
                if (kept.size() < settings.maxEntriesPerFetch()) {
                    kept.add(entry);
                }
            }).feed();
            return new Parsed(feed, kept, null);
        } catch (FeedParseException e) {
            return new Parsed(null, List.of(), e);
        } catch (UncheckedIOException e) {
            throw new TransientFetchException(response.finalUrl(), response.status(), "the body broke off",
                    null, e.getCause());
        }
    }

    /** The recorded status of a permanent failure. */
    static FetchStatus statusOf(PermanentFetchException e) {
        return switch (e.reason()) {
            case REFUSED -> FetchStatus.REFUSED;
            case UNKNOWN_HOST -> FetchStatus.UNKNOWN_HOST;
            case HTTP_STATUS -> FetchStatus.HTTP_ERROR;
            case BAD_REDIRECT -> FetchStatus.BAD_REDIRECT;
            case TOO_LARGE -> FetchStatus.TOO_LARGE;
            case TLS -> FetchStatus.TLS_ERROR;
            case BAD_BODY, PROTOCOL -> FetchStatus.PROTOCOL_ERROR;
        };
    }
}
