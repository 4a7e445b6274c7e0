package dev.fnbundle.fetch;

import java.net.URI;

/** The response body (after decompression) is larger than the cap; reading stopped at the cap. */
public final class ResponseTooLargeException extends PermanentFetchException {
    private static final long serialVersionUID = 1L;

    private final long limitBytes;

    public ResponseTooLargeException(URI url, long limitBytes) {
        super(Reason.TOO_LARGE, url, 0, "response body larger than " + limitBytes + " bytes", null);
        this.limitBytes = limitBytes;
    }

    /** The cap that was exceeded, in bytes. */
    public long limitBytes() {
        return limitBytes;
    }
}
