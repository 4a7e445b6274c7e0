package dev.fnbundle.local.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Escapes a request body's UTF-8 bytes as the contents of a JSON string, eight bytes at a time, byte for byte as
 * Jackson's {@code writeUTF8String} does: {@code "} and {@code \} get a backslash; {@code \b \t \n \f \r} their
 * letter; other control characters {@code \\u00XX} (upper-case hex); everything else, non-ASCII included, is copied.
 *
 * <p>Two passes: {@link #escapedLength} counts the output and checks the bytes are well-formed UTF-8 (a body that is
 * not goes to the event base64-encoded, as API Gateway sends it); {@link #escape} then writes into an array of the
 * exact size, so the event is never copied to trim it. A JSON body has an escape every 5-6 bytes, so both passes
 * work on words of eight bytes with exact per-byte flags, rather than testing byte by byte (Jackson's way, which
 * took about 1.5 ns a byte here).
 */
final class JsonStringEscaper {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    /** Added to a byte's low seven bits, carries into its high bit exactly when they are 0x20 or more. */
    private static final long BELOW_SPACE = 0x6060606060606060L;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** For each byte below 0x80: 0 when copied, its letter after a backslash, or 'u' for a {@code \\u00XX}. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
    }

    private JsonStringEscaper() {
    }

    /**
     * The length of {@code bytes[from, to)} escaped, or -1 when they are not well-formed UTF-8 (as {@link Utf8}
     * judges); {@code to} must not split a character (the bytes from {@code to} on start with no continuation byte).
     */
    static long escapedLength(byte[] bytes, int from, int to) {
        long extra = 0;
        int i = from;
        int n = to;
        while (i <= n - Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            if ((word & HIGHS) != 0) {
                // a multi-byte character starts or continues in this word: byte by byte, checking its sequences
                int end = i + Long.BYTES;
                while (i < end) {
                    int length = bytes[i] < 0 ? Utf8.sequenceLength(bytes, i) : 1;
                    if (length < 0) {
                        return -1;
                    }
                    extra += bytes[i] < 0 ? 0 : extraOf(bytes[i]);
                    i += length;
                }
                continue;
            }
            extra += Long.bitCount(quotedBytes(word));
            for (long controls = controlBytes(word); controls != 0; controls &= controls - 1) {
                extra += extraOf(bytes[i + (Long.numberOfTrailingZeros(controls) >>> 3)]);
            }
            i += Long.BYTES;
        }
        for (; i < n; i++) {
            if (bytes[i] < 0) {
                int length = Utf8.sequenceLength(bytes, i);
                if (length < 0) {
                    return -1;
                }
                i += length - 1;
            } else {
                extra += extraOf(bytes[i]);
            }
        }
        return n - from + extra;
    }

    /**
     * Writes {@code bytes[from, to)} escaped into {@code out} from {@code at}, which must hold
     * {@link #escapedLength} bytes there; returns the index after them, and writes nothing outside them.
     *
     * <p>A word at a time: each run of plain bytes is written as the whole word shifted to start at the run, and
     * the next write lands where the run ends, so a word with two escapes costs three stores, not eight. A quote
     * or backslash starts the next run after its backslash; a control character is written as its escape.
     */
    static int escape(byte[] bytes, int from, int to, byte[] out, int at) {
        int i = from;
        int o = at;
        int n = to;
        // A word's last store writes up to 7 bytes past its output: while 16 input bytes are left, at least 8
        // output bytes lie beyond this word's, so the store stays inside the escaped text.
        for (; i <= n - 2 * Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            long controls = controlBytes(word);
            long flags = quotedBytes(word) | controls;
            int start = 0;
            for (; flags != 0; flags &= flags - 1) {
                int position = Long.numberOfTrailingZeros(flags) >>> 3;
                LONGS.set(out, o, word >>> (start << 3));
                o += position - start;
                if ((controls & 0x80L << (position << 3)) == 0) {
                    out[o++] = '\\';
                    start = position;
                } else {
                    o = escapeByte(bytes[i + position], out, o);
                    start = position + 1;
                }
            }
            if (start < Long.BYTES) {
                LONGS.set(out, o, word >>> (start << 3));
                o += Long.BYTES - start;
            }
        }
        for (; i < n; i++) {
            o = escapeByte(bytes[i], out, o);
        }
        return o;
    }

    private static int escapeByte(byte value, byte[] out, int at) {
        int escape = value < 0 ? 0 : ESCAPES[value];
        if (escape == 0) {
            out[at] = value;
            return at + 1;
        }
        out[at] = '\\';
        out[at + 1] = (byte) escape;
        if (escape != 'u') {
            return at + 2;
        }
        out[at + 2] = '0';
        out[at + 3] = '0';
        out[at + 4] = HEX[value >> 4];
        out[at + 5] = HEX[value & 0xF];
        return at + 6;
    }

    private static int extraOf(int ascii) {
        int escape = ESCAPES[ascii];
        return escape == 0 ? 0 : escape == 'u' ? 5 : 1;
    }

    /** The high bit of each byte of {@code word} that is a quote or a backslash, exactly. */
    private static long quotedBytes(long word) {
        return zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES);
    }

    /** The high bit of each byte of {@code word} below 0x20, exactly (a byte at or above 0x80 is not one). */
    private static long controlBytes(long word) {
        return ~((word & LOWS) + BELOW_SPACE | word | LOWS);
    }

    /** The high bit of each byte of {@code word} that is zero, exactly (no carries between bytes). */
    private static long zeroBytes(long word) {
        return ~((word & LOWS) + LOWS | word | LOWS);
    }
}
