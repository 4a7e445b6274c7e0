package dev.fnbundle.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * A failure that will not go away by retrying: the handler reports it (400 for {@link SsrfRefusedException},
 * 413 for {@link ResponseTooLargeException}) and the scheduler skips the feed until its next run.
 */
public sealed class PermanentFetchException extends FetchException
        permits SsrfRefusedException, ResponseTooLargeException {
    private static final long serialVersionUID = 1L;

    /** What kind of permanent failure. */
    public enum Reason {
        /** The URL or one of its redirects was refused by {@link SsrfGuard}. */
        REFUSED,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** An HTTP status that retrying will not change (4xx other than 408/425/429, 501, 505, other 3xx). */
        HTTP_STATUS,
        /** More redirects than allowed, or a redirect without a usable Location. */
        BAD_REDIRECT,
        /** The body exceeded the size cap. */
        TOO_LARGE,
        /** The body could not be decoded (corrupt gzip, unknown Content-Encoding). */
        BAD_BODY,
        /** The TLS handshake failed (certificate not trusted, host name mismatch). */
        TLS,
        /** The server's answer was not valid HTTP (malformed status line, oversized headers). */
        PROTOCOL
    }

    private final Reason reason;

    /** @throws NullPointerException if {@code reason} is null */
    public PermanentFetchException(Reason reason, URI url, int status, String message, Throwable cause) {
        super(url, status, message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Never null. */
    public Reason reason() {
        return reason;
    }
}
