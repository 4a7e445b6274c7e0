package dev.fnbundle.fetch;

import java.net.URI;

/**
 * The result of a fetch that did not fail: new content, or a 304 that cost no body.
 *
 * @param <T> what the body was read into
 */
public sealed interface FetchOutcome<T> permits FetchOutcome.Fetched, FetchOutcome.NotModified {

    /** A 2xx: the response metadata and what the {@link BodyReader} made of the body. */
    record Fetched<T>(FetchResponse response, T body) implements FetchOutcome<T> {
    }

    /**
     * A 304: nothing changed since the validators were issued.
     *
     * @param etag         the validator to keep (the response's, else the request's)
     * @param lastModified the validator to keep (the response's, else the request's)
     */
    record NotModified<T>(URI finalUrl, String etag, String lastModified) implements FetchOutcome<T> {
    }
}
