package dev.fnbundle.fetch;

import java.io.IOException;
import java.io.InputStream;

/**
 * Consumes a response body while the connection is open, e.g. by streaming it into a feed parser. The stream is
 * already decompressed and capped; reading past the cap throws {@link ResponseTooLargeException}, a stall or the
 * total timeout throws {@link TransientFetchException}. The reader need not read to the end.
 *
 * @param <T> what the body is read into
 */
@FunctionalInterface
public interface BodyReader<T> {
    T read(FetchResponse response, InputStream body) throws IOException;
}
