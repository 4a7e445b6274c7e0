package dev.fnbundle.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Counts the bytes read through it and stops past a cap ({@link ResponseTooLargeException}) or past the fetch
 * deadline ({@link TransientFetchException}), and turns I/O failures into the fetch exception types: on the wire
 * layer they are transient (the connection broke), on the decoded layer they come from the decompressor, so the
 * body is corrupt (permanent). Zip bombs stop at the cap on the decoded layer.
 */
final class CappedInputStream extends FilterInputStream {
    /** Which side of the decompressor this stream is on. */
    enum Layer { WIRE, DECODED }

    private final long maxBytes;
    private final long deadlineNanos;
    private final URI url;
    private final Layer layer;
    private long count;

    CappedInputStream(InputStream in, long maxBytes, long deadlineNanos, URI url, Layer layer) {
        super(in);
        this.maxBytes = maxBytes;
        this.deadlineNanos = deadlineNanos;
        this.url = url;
        this.layer = layer;
    }

    @Override
    public int read() throws IOException {
        checkDeadline(null);
        int b;
        try {
            b = super.read();
        } catch (IOException e) {
            throw translate(e);
        }
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        checkDeadline(null);
        int n;
        try {
            n = super.read(buffer, off, len);
        } catch (IOException e) {
            throw translate(e);
        }
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    private void counted(int n) {
        count += n;
        if (count > maxBytes) {
            throw new ResponseTooLargeException(url, maxBytes);
        }
    }

    private void checkDeadline(IOException cause) {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new TransientFetchException(url, 0, "total fetch timeout exceeded", null, cause);
        }
    }

    private RuntimeException translate(IOException e) {
        checkDeadline(e);
        if (layer == Layer.DECODED) {
            return new PermanentFetchException(PermanentFetchException.Reason.BAD_BODY, url, 0,
                    "the response body could not be decompressed", e);
        }
        return new TransientFetchException(url, 0, "connection failed while reading the body", null, e);
    }
}
