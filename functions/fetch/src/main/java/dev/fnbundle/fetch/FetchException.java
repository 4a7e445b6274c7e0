package dev.fnbundle.fetch;

import java.net.URI;

/**
 * A fetch failed. Subtypes say whether trying again later can help: {@link TransientFetchException} (timeouts,
 * connection failures, 5xx, 429) or {@link PermanentFetchException} (4xx, SSRF refusals, oversized bodies).
 * Messages name the URL without credentials or query, never response content.
 */
public abstract sealed class FetchException extends RuntimeException
        permits TransientFetchException, PermanentFetchException {
    private static final long serialVersionUID = 1L;

    private final URI url;
    private final int status;

    FetchException(URI url, int status, String message, Throwable cause) {
        super(message + (url == null ? "" : " (" + safe(url) + ")"), cause);
        this.url = url;
        this.status = status;
    }

    /** The URL of the hop that failed, or null when the failure came before any URL was usable. */
    public URI url() {
        return url;
    }

    /** The HTTP status that caused the failure, or 0 when there was no response. */
    public int status() {
        return status;
    }

    /** scheme://host[:port]/path: no user info, query or fragment, which may carry tokens. */
    static String safe(URI url) {
        String host = url.getRawAuthority() == null ? "" : url.getRawAuthority().replaceAll("^.*@", "");
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return (url.getScheme() == null ? "" : url.getScheme() + "://") + host + path;
    }
}
