package dev.fnbundle.configaudit.difflib;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a plain ASCII text whose only line break is {@code \n} (nearly every config) eight characters at a time:
 * a word of eight bytes without a byte below {@code ' '} or a {@code '?'} needs no look at its characters.
 *
 * <p>Why: cutting both sides of an audit into lines was a pass over every character of both texts, one at a time,
 * and it was a tenth of the request's work before the audit proper. The bytes are the text's ISO-8859-1 copy,
 * which the matcher hashes anyway ({@link TextLines#encode}), so they are kept for it.
 *
 * <p>Any other text (a character beyond ASCII, {@code \r}, another break, a control character other than tab and
 * escape) gives null, and {@link TextLines#of} cuts it one character at a time. A character beyond ISO-8859-1 is
 * copied as {@code '?'} (a surrogate pair as one), so every {@code '?'} byte is checked against the text.
 */
final class AsciiLines {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    /**
     * A text cut into lines.
     *
     * @param bytes  the text, one byte per character
     * @param starts {@code starts[i]} where line i starts, {@code starts[size]} the text's length
     * @param size   the number of lines
     */
    record Cut(byte[] bytes, int[] starts, int size) {
    }

    private AsciiLines() {
    }

    /** The text's lines as {@code splitlines(keepends=True)} cuts them, or null when it is not plain ASCII. */
    static Cut cut(String text) {
        int n = text.length();
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length != n) {
            // A surrogate pair became one '?': the bytes no longer stand where the characters do.
            return null;
        }
        int[] starts = new int[Math.max(16, n / 24)];
        int size = 0;
        int i = 0;
        while (i < n) {
            if (i + 8 <= n) {
                long word = (long) LONGS.get(bytes, i);
                if ((word & HIGHS) != 0) {
                    return null;
                }
                // With no byte at or above 0x80, these say exactly whether some byte is below ' ', or is '?'.
                long below = (word - 0x20 * ONES) & ~word & HIGHS;
                long question = word ^ '?' * ONES;
                question = (question - ONES) & ~question & HIGHS;
                long flagged = below | question;
                if (flagged == 0) {
                    i += 8;
                    continue;
                }
                // The lowest flagged byte is a true one (a false flag, from a borrow, only sits above a true
                // one): the bytes below it are plain, and the next word starts right after it. A line's '\n' so
                // costs one look, not the eight of its whole word.
                i += Long.numberOfTrailingZeros(flagged) >>> 3;
            }
            // The byte that needs a look, or one of the last bytes.
            if (bytes[i] < 0 || !plain(text, bytes[i], i)) {
                return null;
            }
            if (bytes[i] == '\n') {
                starts = room(starts, size);
                starts[++size] = i + 1;
            }
            i++;
        }
        if (starts[size] < n) {
            starts = room(starts, size);
            starts[++size] = n;
        }
        return new Cut(bytes, starts, size);
    }

    /** Whether ASCII byte {@code b} at {@code k} keeps the text plain: printable, tab, escape or '\n'. */
    private static boolean plain(String text, byte b, int k) {
        if (b < ' ') {
            return b == '\n' || b == '\t' || b == 0x1b;
        }
        return b != '?' || text.charAt(k) == '?';
    }

    private static int[] room(int[] starts, int size) {
        return size + 2 > starts.length ? Arrays.copyOf(starts, starts.length * 2) : starts;
    }
}
