package dev.fnbundle.configaudit.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip for stored payloads, with a cap on the compressed size checked while writing. */
final class Gzip {
    private Gzip() {
    }

    /** A sink for compressed bytes that throws {@link TooLargeException} once it passes {@code maxBytes}. */
    static final class CappedOutput extends ByteArrayOutputStream {
        private final long maxBytes;

        CappedOutput(long maxBytes) {
            super(8192);
            this.maxBytes = maxBytes;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (count + (long) len > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            if (count + 1L > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            super.write(b);
        }
    }

    /** The compressed payload passed its cap. */
    static final class TooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long maxBytes;

        TooLargeException(long maxBytes) {
            super("compressed payload larger than " + maxBytes + " bytes", null, false, false);
            this.maxBytes = maxBytes;
        }

        long maxBytes() {
            return maxBytes;
        }
    }

    /** What writes the uncompressed content into the compressing stream. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Deflate level of everything stored: the fastest. An audit's report is written once per request and read
     * back rarely, and on config text level 1 costs a few percent of size against level 6 while taking a fraction
     * of its CPU time (on a 20 000-line audit, most of the encode phase was level 6's deflate). Any level decodes
     * the same, so payloads stored at another level stay readable.
     */
    static final int LEVEL = Deflater.BEST_SPEED;

    /**
     * Compresses what {@code writer} writes.
     *
     * @throws TooLargeException when the compressed form passes {@code maxBytes}
     */
    static byte[] compress(Writer writer, long maxBytes) {
        var sink = new CappedOutput(maxBytes);
        try (var gzip = new LeveledGzip(sink)) {
            writer.write(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.toByteArray();
    }

    /** A gzip stream whose own deflater runs at {@link #LEVEL} (ended on close, as GZIPOutputStream does). */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(OutputStream out) throws IOException {
            super(out, 65536);
            def.setLevel(LEVEL);
        }
    }

    static byte[] compress(String text) {
        return compress(out -> out.write(text.getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE);
    }

    static InputStream open(byte[] compressed) {
        try {
            return new GZIPInputStream(new ByteArrayInputStream(compressed), 65536);
        } catch (IOException e) {
            throw new UncheckedIOException("stored payload is not gzip", e);
        }
    }

    static String text(byte[] compressed) {
        try (InputStream in = open(compressed)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("stored payload is not gzip", e);
        }
    }
}
