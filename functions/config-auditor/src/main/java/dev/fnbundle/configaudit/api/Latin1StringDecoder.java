package dev.fnbundle.configaudit.api;

import dev.fnbundle.configaudit.difflib.TextLines;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes a body's JSON strings from its ISO-8859-1 bytes, eight bytes at a time: a word without a quote, a
 * backslash, a control character, a byte at or above 0x80 or a '?' is copied whole; anything else is looked at one
 * byte at a time. A config's lines are ~30 plain characters and one {@code \n} escape, so almost every word is
 * copied whole, where a character-at-a-time decoder paid a bounds check, a copy call and an append per line
 * (the body phase of a 2 x 20 000-line audit: 1.65 ms of CPU, most of it in that loop).
 *
 * <p>Exact for characters up to U+00FF, written raw or as escapes. A raw character above U+00FF (its byte is a
 * '?' the body does not hold) or a {@code \\u} escape above U+00FF answers {@link #NEEDS_CHARS}: the caller then
 * decodes that string from the body's characters. A string the caller's character decoder refuses (a raw control
 * character, a non-standard escape, no closing quote) is refused here the same way ({@link #REFUSED}).
 */
final class Latin1StringDecoder {
    /** The string holds what this decoder refuses; so does the character decoder. */
    static final int REFUSED = -1;
    /** The string holds a character above U+00FF: decode it from the characters. */
    static final int NEEDS_CHARS = -2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long QUESTIONS = '?' * ONES;

    private final String body;
    private final byte[] bytes;
    private final int n;
    /** Where strings are decoded; sized on first use for the rest of the body, then reused. */
    private byte[] out;
    private String value;
    /** The last string's length, and where its lines start (as {@link TextLines} keeps them), reused. */
    private int length;
    private int[] lineStarts = new int[16];
    private int lines;
    /** Whether the last string is plain ASCII: no byte at or above 0x80, no control but tab, escape and '\n'. */
    private boolean plain;

    private Latin1StringDecoder(String body, byte[] bytes) {
        this.body = body;
        this.bytes = bytes;
        this.n = bytes.length;
    }

    /** A decoder over {@code body}, or null when its characters do not map one to one onto bytes. */
    static Latin1StringDecoder over(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        // A surrogate pair became one '?': the bytes no longer stand where the characters do.
        return bytes.length == body.length() ? new Latin1StringDecoder(body, bytes) : null;
    }

    /**
     * Decodes the string whose first character is at {@code start} (just after its opening quote): the index after
     * its closing quote ({@link #value()} holds it), {@link #REFUSED} or {@link #NEEDS_CHARS}.
     */
    int decode(int start) {
        if (out == null) {
            out = new byte[n - start];
        }
        byte[] dst = out;
        int i = start;
        int j = 0;
        lines = 0;
        plain = true;
        while (true) {
            if (i + 8 <= n) {
                long word = (long) LONGS.get(bytes, i);
                long special = special(word);
                // The lowest byte flagged is a special one (a false flag only ever sits above a true one): the
                // bytes below it are plain. The word is written whole (j + 8 <= i + 8 - start <= n - start, and a
                // later string starts later, so the buffer fits it); what follows the plain bytes is overwritten.
                int plain = Long.numberOfTrailingZeros(special) >>> 3;
                LONGS.set(dst, j, word);
                i += plain;
                j += plain;
                if (plain == 8) {
                    continue;
                }
            }
            if (i >= n) {
                return REFUSED;
            }
            int b = bytes[i] & 0xFF;
            if (b == '"') {
                value = new String(dst, 0, j, StandardCharsets.ISO_8859_1);
                length = j;
                return i + 1;
            } else if (b == '\\') {
                i = unescape(dst, j, i + 1);
                if (i < 0) {
                    return i;
                }
                escaped(dst[j], j + 1);
                j++;
            } else if (b < ' ') {
                return REFUSED;
            } else if (b == '?' && body.charAt(i) != '?') {
                return NEEDS_CHARS;
            } else {
                plain &= b < 0x80;
                dst[j++] = (byte) b;
                i++;
            }
        }
    }

    /** The last string decoded. */
    String value() {
        return value;
    }

    /**
     * The last string decoded cut into lines, as {@link TextLines#of} would cut it, when it is plain ASCII; else
     * null (validation cuts it then). Call before decoding the next string.
     */
    TextLines lines() {
        if (!plain) {
            return null;
        }
        int size = lines;
        if (lineStarts[size] < length) {
            lineStart(length);
            size++;
        }
        return TextLines.ofPlainAscii(value, Arrays.copyOf(out, length), Arrays.copyOf(lineStarts, size + 1),
                size);
    }

    /**
     * Notes an escape's character, {@code next} the output index after it. Words copied whole hold plain
     * characters only: escapes, and the bytes copied one at a time, are all there is to look at for the lines.
     */
    private void escaped(byte decoded, int next) {
        if (decoded == '\n') {
            lineStart(next);
        } else if (decoded < ' ' && decoded != '\t' && decoded != 0x1b) {
            plain = false;
        }
    }

    /** A line starts at {@code j} of the output (its first line starts at 0). */
    private void lineStart(int j) {
        if (lines + 2 > lineStarts.length) {
            lineStarts = Arrays.copyOf(lineStarts, lineStarts.length * 2);
        }
        lineStarts[++lines] = j;
    }

    /** Nonzero when some byte of {@code word} is not copied as it is (exact: never zero when one is). */
    private static long special(long word) {
        long below = (word - ' ' * ONES) & ~word;
        return (word | below | zeroByte(word ^ QUOTES) | zeroByte(word ^ BACKSLASHES) | zeroByte(word ^ QUESTIONS))
                & HIGHS;
    }

    private static long zeroByte(long x) {
        return (x - ONES) & ~x;
    }

    /**
     * Decodes the escape whose letter is at {@code i} into {@code dst[j]}: the index after it, {@link #REFUSED}
     * where the character decoder refuses it too, {@link #NEEDS_CHARS} for a {@code \\u} above U+00FF.
     */
    private int unescape(byte[] dst, int j, int i) {
        if (i >= n) {
            return REFUSED;
        }
        int c = bytes[i] & 0xFF;
        byte decoded;
        switch (c) {
            case '"', '\\', '/' -> decoded = (byte) c;
            case 'b' -> decoded = '\b';
            case 'f' -> decoded = '\f';
            case 'n' -> decoded = '\n';
            case 'r' -> decoded = '\r';
            case 't' -> decoded = '\t';
            case 'u' -> {
                // As the character decoder: four hex digits and something after them.
                if (i + 4 >= n) {
                    return REFUSED;
                }
                int code = 0;
                for (int k = 1; k <= 4; k++) {
                    int digit = hex(bytes[i + k]);
                    if (digit < 0) {
                        return REFUSED;
                    }
                    code = code * 16 + digit;
                }
                if (code > 0xFF) {
                    return NEEDS_CHARS;
                }
                dst[j] = (byte) code;
                return i + 5;
            }
            default -> {
                return REFUSED;
            }
        }
        dst[j] = decoded;
        return i + 1;
    }

    /** An ASCII hex digit's value, or -1 ('?' standing for a wider character is none either). */
    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
    }
}
