package dev.fnbundle.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * A GET to perform, conditional when validators from the previous fetch are given.
 *
 * @param url          the URL, never null
 * @param etag         the ETag stored from the last 200, sent as If-None-Match; null for none
 * @param lastModified the Last-Modified stored from the last 200, sent as If-Modified-Since; null for none
 */
public record FetchRequest(URI url, String etag, String lastModified) {
    /** @throws NullPointerException if {@code url} is null */
    public FetchRequest {
        Objects.requireNonNull(url, "url");
    }

    /** An unconditional GET. */
    public static FetchRequest of(URI url) {
        return new FetchRequest(url, null, null);
    }
}
