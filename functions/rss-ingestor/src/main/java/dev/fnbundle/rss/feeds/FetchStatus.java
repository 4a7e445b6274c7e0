package dev.fnbundle.rss.feeds;

import java.util.Locale;

/** How the last fetch of a feed ended. */
public enum FetchStatus {
    /** Subscribed, never fetched yet. */
    PENDING,
    /** 200: parsed and its new entries stored. */
    OK,
    /** 304: the validators still matched, nothing was downloaded. */
    NOT_MODIFIED,
    /** Timeout, connection failure, 408/425/429 or 5xx after the in-invocation retries. */
    TRANSIENT_ERROR,
    /** An HTTP status that retrying will not change (404, 410, 401...). */
    HTTP_ERROR,
    /** The URL or a redirect target was refused by the SSRF guard (e.g. its name now resolves privately). */
    REFUSED,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** The body was larger than the fetch cap. */
    TOO_LARGE,
    /** The body is not a readable feed (HTML, not XML, truncated, bad encoding...). */
    INVALID_FEED,
    /** Too many redirects, or a redirect without a usable Location. */
    BAD_REDIRECT,
    /** The TLS handshake failed. */
    TLS_ERROR,
    /** The server did not speak valid HTTP, or its body could not be decoded. */
    PROTOCOL_ERROR;

    /** The snake_case name used in JSON and in the table, e.g. {@code not_modified}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named by {@link #id()}. */
    public static FetchStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** True for the outcomes that reset the error count. */
    public boolean isSuccess() {
        return this == OK || this == NOT_MODIFIED;
    }
}
