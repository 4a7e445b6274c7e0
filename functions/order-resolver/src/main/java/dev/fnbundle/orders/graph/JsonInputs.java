package dev.fnbundle.orders.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * Opens a {@link JsonLexer} on a document the way Python's {@code json.loads} takes it: bytes in UTF-8 (a UTF-8
 * byte-order mark skipped) or, told by the first four bytes as {@code json.detect_encoding} tells it, UTF-16 or
 * UTF-32, which are transcoded up front; a String as its own characters, where a leading U+FEFF is an error as in
 * {@code json.loads(str)}.
 */
final class JsonInputs {
    private static final int WINDOW = 64 * 1024;
    /** A graph document spends at least this many bytes per distinct name; sizes the name table up front. */
    private static final int BYTES_PER_NAME = 64;

    private JsonInputs() {
    }

    /** A lexer over a document held in a String. */
    static JsonLexer of(String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            throw byteOrderMark();
        }
        return new JsonLexer(Wtf8.encode(text));
    }

    /**
     * A lexer over a document held in the first {@code length} bytes of {@code utf8}, the UTF-8 bytes of a String
     * without lone surrogates: as {@link #of(String)} on that String, whose canonical bytes ({@link Wtf8}) these are.
     */
    static JsonLexer ofText(byte[] utf8, int length) {
        if (startsWithUtf8Bom(utf8, length)) {
            throw byteOrderMark();
        }
        return new JsonLexer(utf8, length);
    }

    /** What {@code json.loads} says of a str that starts with U+FEFF. */
    private static GraphJsonSyntaxException byteOrderMark() {
        return new GraphJsonSyntaxException("unexpected byte-order mark (U+FEFF) at the start of the document",
                1, 1, null);
    }

    private static boolean startsWithUtf8Bom(byte[] bytes, int length) {
        return length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    /** A lexer that streams {@code in}; not closed. */
    static JsonLexer open(InputStream in) {
        try {
            byte[] window = new byte[WINDOW];
            int filled = in.readNBytes(window, 0, 4);
            String encoding = detect(window, filled);
            if (encoding.equals("UTF-8")) {
                if (startsWithUtf8Bom(window, filled)) {
                    System.arraycopy(window, 3, window, 0, filled - 3);
                    filled -= 3;
                }
                return new JsonLexer(in, window, filled);
            }
            byte[] rest = in.readAllBytes();
            byte[] all = new byte[filled + rest.length];
            System.arraycopy(window, 0, all, 0, filled);
            System.arraycopy(rest, 0, all, filled, rest.length);
            return of(transcode(all, encoding));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the graph failed", e);
        }
    }

    /** An estimate of the distinct names a stream of {@code available} bytes holds, for presizing. */
    static int expectedNames(InputStream in) {
        try {
            return expectedNames(in.available());
        } catch (IOException e) {
            return 16;
        }
    }

    /** The same estimate for a document of {@code length} characters or bytes held in memory. */
    static int expectedNames(int length) {
        return Math.min(1 << 22, Math.max(16, length / BYTES_PER_NAME));
    }

    /** Python's {@code json.detect_encoding} on the first (up to) four bytes. */
    private static String detect(byte[] b, int n) {
        if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return "UTF-32";
        }
        if (n >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            return "UTF-32";
        }
        if (n >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF
                || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)) {
            return "UTF-16";
        }
        if (n >= 4) {
            if (b[0] == 0) {
                return b[1] != 0 ? "UTF-16BE" : "UTF-32BE";
            }
            if (b[1] == 0) {
                return b[2] != 0 || b[3] != 0 ? "UTF-16LE" : "UTF-32LE";
            }
        } else if (n == 2) {
            if (b[0] == 0) {
                return "UTF-16BE";
            }
            if (b[1] == 0) {
                return "UTF-16LE";
            }
        }
        return "UTF-8";
    }

    private static String transcode(byte[] bytes, String encoding) {
        try {
            return Charset.forName(encoding).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new GraphJsonSyntaxException("the document is not valid " + encoding, 1, 1, e);
        }
    }
}
