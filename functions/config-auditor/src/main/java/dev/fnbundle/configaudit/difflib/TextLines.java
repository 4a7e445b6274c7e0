package dev.fnbundle.configaudit.difflib;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A text cut into lines the way Python's {@code s.splitlines(keepends=True)} cuts it, kept as one string and the
 * offsets where its lines start: a line becomes a {@code String} only when it is read ({@link #get}).
 *
 * <p>Why: a config diff reads few of its lines (the changed ones and their context), while a list of substrings
 * copies every line of both texts. The matcher compares and hashes lines as ranges of the text's bytes
 * ({@link Encoded}), so diffing two 100 000-line texts allocates no line at all.
 *
 * <p>Immutable and thread-safe. {@link #get} returns a new string on every call.
 */
public final class TextLines extends AbstractList<String> implements RandomAccess {
    private final String text;
    /** {@code starts[i]} is where line i starts; {@code starts[size]} is the text's length. */
    private final int[] starts;
    private final int size;
    /** Every character is below U+0100, so the text encodes as one byte per character. */
    private final boolean latin1;
    /** Every character is ASCII and no control character is there but tab, line breaks and escape. */
    private final boolean plainAscii;

    /** The text's ISO-8859-1 bytes when cutting it made them ({@link AsciiLines}), else null. */
    private final byte[] latin1Bytes;

    private TextLines(String text, int[] starts, int size, boolean latin1, boolean plainAscii, byte[] latin1Bytes) {
        this.text = text;
        this.starts = starts;
        this.size = size;
        this.latin1 = latin1;
        this.plainAscii = plainAscii;
        this.latin1Bytes = latin1Bytes;
    }

    /**
     * The lines of a plain ASCII text whose only line break is {@code \n}, cut by a reader that decoded the text
     * itself (the request body's reader sees every line feed while it decodes): what {@link #of} gives for that
     * text, without a second pass over it. The caller vouches for what {@link #of} would check: {@code bytes} are
     * the text's characters, none at or above 0x80, no control character but tab, escape and {@code \n}, and
     * {@code starts[0..size]} are where its lines start, {@code starts[size]} its length. Both arrays are kept.
     *
     * @throws IllegalArgumentException when the arrays do not even have the text's length
     */
    public static TextLines ofPlainAscii(String text, byte[] bytes, int[] starts, int size) {
        if (bytes.length != text.length() || size < 0 || size >= starts.length || starts[size] != text.length()) {
            throw new IllegalArgumentException("lines of another text");
        }
        return new TextLines(text, starts, size, true, true, bytes);
    }

    /**
     * Python's {@code s.splitlines(keepends=True)}: breaks after {@code \n}, {@code \r\n}, {@code \r},
     * {@code \v}, {@code \f}, U+001C..U+001E, U+0085, U+2028 and U+2029; the last line keeps no terminator if it
     * has none. One pass over the text; O(n).
     *
     * @throws NullPointerException if text is null
     */
    public static TextLines of(String text) {
        Objects.requireNonNull(text, "text");
        AsciiLines.Cut cut = AsciiLines.cut(text);
        if (cut != null) {
            return new TextLines(text, cut.starts(), cut.size(), true, true, cut.bytes());
        }
        int n = text.length();
        int[] starts = new int[Math.max(16, n / 24)];
        int size = 0;
        int seen = 0;
        boolean controls = false;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i++);
            seen |= c;
            // Printable ASCII, the bulk of any config, is decided by the first test.
            if (c >= ' ' && c < '\u0085') {
                continue;
            }
            if (c < ' ') {
                controls |= c != '\t' && c != '\n' && c != '\u000b' && c != '\f' && c != '\r' && c != 0x1b;
            }
            if (!PythonText.isLineBreak(c)) {
                continue;
            }
            if (c == '\r' && i < n && text.charAt(i) == '\n') {
                i++;
            }
            if (size + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[++size] = i;
        }
        if (starts[size] < n) {
            if (size + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length + 2);
            }
            starts[++size] = n;
        }
        return new TextLines(text, starts, size, seen < 0x100, seen < 0x80 && !controls, null);
    }

    /**
     * Whether every character is ASCII and the only control characters are tab, escape and the line breaks
     * {@code \n}, {@code \v}, {@code \f} and {@code \r}: then the text is one UTF-8 byte per
     * character, and a caller that checks text for stray control characters can take these lines' word for it
     * instead of reading the text again.
     */
    public boolean isPlainAscii() {
        return plainAscii;
    }

    /**
     * Whether the only line break in the text is {@code \n} (it was cut as plain ASCII without {@code \r},
     * {@code \v} or {@code \f}): then these are also the lines of a reader that breaks at {@code \n},
     * {@code \r\n} and {@code \r}.
     */
    public boolean breaksOnlyAtLineFeeds() {
        return latin1Bytes != null;
    }

    /** The whole text. */
    public String text() {
        return text;
    }

    /** Where line {@code index} starts in {@link #text()}. */
    public int start(int index) {
        return starts[Objects.checkIndex(index, size)];
    }

    /** Where line {@code index} ends in {@link #text()}, its terminator included. */
    public int end(int index) {
        return starts[Objects.checkIndex(index, size) + 1];
    }

    /** Line {@code index} with its terminator, as a new string. */
    @Override
    public String get(int index) {
        return text.substring(start(index), end(index));
    }

    @Override
    public int size() {
        return size;
    }

    /** The lines of both texts as bytes of one encoding, so that equal lines are equal byte ranges. */
    static Encoded encode(TextLines a, TextLines b) {
        boolean wide = !a.latin1 || !b.latin1;
        return new Encoded(a.bytes(wide), b.bytes(wide), wide ? 1 : 0);
    }

    private byte[] bytes(boolean wide) {
        // One byte per character when every character fits (a plain copy for a compact string), else UTF-16;
        // either way each character has one fixed-size, injective code.
        if (!wide && latin1Bytes != null) {
            return latin1Bytes;
        }
        return text.getBytes(wide ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    }

    /**
     * Two texts' bytes in one encoding, with hashing and equality of their lines as byte ranges.
     *
     * @param a     the first text's bytes
     * @param b     the second text's bytes
     * @param shift bytes per character as a shift: 0 for ISO-8859-1, 1 for UTF-16
     */
    record Encoded(byte[] a, byte[] b, int shift) {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);
        /** Drawn per process, so that inputs cannot be made to collide without knowing it. */
        private static final long SEED = new SecureRandom().nextLong() | 1;
        private static final long MIX = 0x9E37_79B9_7F4A_7C15L;

        /** A hash of {@code bytes[from, to)}: 8 bytes per step. */
        static int hash(byte[] bytes, int from, int to) {
            long h = SEED ^ (to - from) * MIX;
            int i = from;
            for (; i + 8 <= to; i += 8) {
                h = (h ^ (long) LONGS.get(bytes, i)) * MIX;
                h ^= h >>> 29;
            }
            h = (h ^ tail(bytes, from, i, to)) * MIX;
            h ^= h >>> 32;
            return (int) h;
        }

        /**
         * The last {@code to - i} (under 8) bytes of {@code bytes[from, to)}, little-endian in one long. Lines are
         * a few dozen bytes, so this tail is a good part of each line's hash: where the range has 8 bytes, they are
         * read as one long ending at {@code to} and the bytes already hashed shifted out, instead of a byte at a
         * time.
         */
        static long tail(byte[] bytes, int from, int i, int to) {
            int rest = to - i;
            if (rest == 0) {
                return 0;
            }
            if (to - from >= 8) {
                return (long) LONGS.get(bytes, to - 8) >>> (8 - rest) * 8;
            }
            long tail = 0;
            for (int shift = 0; i < to; i++, shift += 8) {
                tail |= (bytes[i] & 0xFFL) << shift;
            }
            return tail;
        }
    }
}
