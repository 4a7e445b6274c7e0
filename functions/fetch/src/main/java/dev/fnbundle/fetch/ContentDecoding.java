package dev.fnbundle.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Wraps a response body in the decoder its Content-Encoding names (gzip or zlib deflate, the two that are
 * requested), with the byte cap applied on the wire and again after decoding.
 */
final class ContentDecoding {
    private ContentDecoding() {
    }

    /**
     * @throws PermanentFetchException {@code BAD_BODY} for an unknown encoding or a corrupt gzip header
     */
    static InputStream decode(InputStream raw, String contentEncoding, URI url, long maxBytes, long deadline) {
        InputStream wire = new CappedInputStream(raw, maxBytes, deadline, url, CappedInputStream.Layer.WIRE);
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        try {
            InputStream decoded = switch (encoding) {
                case "", "identity" -> null;
                case "gzip", "x-gzip" -> new GZIPInputStream(wire, 8192);
                case "deflate" -> new InflaterInputStream(wire);
                default -> throw new PermanentFetchException(PermanentFetchException.Reason.BAD_BODY, url, 0,
                        "unsupported Content-Encoding " + (encoding.length() > 20 ? "" : encoding), null);
            };
            return decoded == null ? wire
                    : new CappedInputStream(decoded, maxBytes, deadline, url, CappedInputStream.Layer.DECODED);
        } catch (IOException e) {
            throw new PermanentFetchException(PermanentFetchException.Reason.BAD_BODY, url, 0,
                    "the response body is not valid " + encoding, e);
        }
    }
}
