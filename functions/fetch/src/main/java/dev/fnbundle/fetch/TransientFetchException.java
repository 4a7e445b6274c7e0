package dev.fnbundle.fetch;

import dev.fnbundle.common.retry.RetryAfter;
import java.net.URI;
import java.time.Duration;

/**
 * A failure that may go away: timeouts, refused or reset connections, HTTP 408, 425, 429 and 5xx (except 501 and
 * 505). A retry helper retries these, and only these, honouring {@link #retryAfter()} when present:
 * {@code Retry.on(TransientFetchException.class)} does both.
 */
public final class TransientFetchException extends FetchException implements RetryAfter {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param retryAfter the server's Retry-After, or null
     */
    public TransientFetchException(URI url, int status, String message, Duration retryAfter, Throwable cause) {
        super(url, status, message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait (Retry-After, capped at one hour), or null when it did not say. */
    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
