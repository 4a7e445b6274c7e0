package dev.fnbundle.common.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fnbundle.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A value's JSON text, held already escaped as the contents of a JSON string in UTF-8: the bytes a JSON generator
 * writes between the quotes of {@code "body": "..."} for that text. The answer of an API handler is serialized
 * once, straight into these bytes ({@link #of}), and copied into the response as they are
 * ({@link ApiResponseWriter}), instead of being serialized to a String that the response writer escapes in a
 * second pass: for an answer of a megabyte (40 000 ordered names), a String and a pass over it fewer.
 *
 * <p>Byte for byte what Jackson's UTF-8 generator writes for {@code writeString(Json.write(value))}: {@code "}
 * and {@code \} escaped, control characters as {@code \\n}-style or {@code \\u00XX} escapes, other characters in
 * UTF-8, except that every surrogate (paired or not) becomes its own {@code \\uXXXX} escape, as that generator
 * writes them. Immutable once built.
 */
final class EscapedJson {
    private static final JsonFactory PARSER = new JsonFactory();

    private final byte[] bytes;
    private final int length;

    EscapedJson(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    /** {@code value} serialized by the shared mapper ({@link Json#mapper()}) and escaped in the same pass. */
    static EscapedJson of(Object value) {
        var out = new EscapingWriter();
        try {
            Json.mapper().writeValue(out, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getName(), e);
        }
        return new EscapedJson(out.bytes, out.length);
    }

    /** {@code text} escaped: what {@link #of} writes for a value whose JSON is {@code text}. */
    static EscapedJson ofText(String text) {
        var out = new EscapingWriter();
        out.write(text, 0, text.length());
        return new EscapedJson(out.bytes, out.length);
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** A copy of exactly the escaped bytes. */
    byte[] bytesAsArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** The JSON text itself, unescaped (for callers that want the body as a String: tests, the POJO path). */
    String text() {
        byte[] quoted = new byte[length + 2];
        quoted[0] = '"';
        System.arraycopy(bytes, 0, quoted, 1, length);
        quoted[length + 1] = '"';
        try (JsonParser parser = PARSER.createParser(quoted)) {
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw new IllegalStateException("not an escaped JSON string");
            }
            return parser.getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Escapes the characters written to it into UTF-8 bytes as Jackson's UTF-8 generator escapes a string's
     * characters. A surrogate is escaped on its own, so a pair split across two writes needs no state.
     */
    static final class EscapingWriter extends Writer {
        private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
        /** For each ASCII character: 0 written as is, a letter for its short escape, -1 for {@code \\u00XX}. */
        private static final byte[] ASCII_ESCAPES = new byte[128];

        static {
            Arrays.fill(ASCII_ESCAPES, 0, 0x20, (byte) -1);
            ASCII_ESCAPES['"'] = '"';
            ASCII_ESCAPES['\\'] = '\\';
            ASCII_ESCAPES['\b'] = 'b';
            ASCII_ESCAPES['\t'] = 't';
            ASCII_ESCAPES['\f'] = 'f';
            ASCII_ESCAPES['\n'] = 'n';
            ASCII_ESCAPES['\r'] = 'r';
        }

        private byte[] bytes;
        private int length;

        EscapingWriter() {
            this(8192);
        }

        /** A writer whose buffer starts with room for {@code capacity} bytes (it grows past them by doubling). */
        EscapingWriter(int capacity) {
            bytes = new byte[Math.max(64, capacity)];
        }

        /** What is written so far, as an {@link EscapedJson} sharing this writer's buffer (write no more after). */
        EscapedJson written() {
            return new EscapedJson(bytes, length);
        }

        /** Writes one ASCII character, escaped, without the char array {@link #write(int)} makes. */
        void writeAscii(char c) {
            if (c >= 0x80) {
                throw new IllegalArgumentException("not ASCII: " + (int) c);
            }
            ensure(6);
            byte escape = ASCII_ESCAPES[c];
            length = escape == 0 ? put(bytes, length, c) : escape(bytes, length, c, escape);
        }

        private static int put(byte[] out, int at, char c) {
            out[at] = (byte) c;
            return at + 1;
        }

        /**
         * Writes {@code text} as the JSON string a generator writes for it ({@code "text"}), escaped, in one pass:
         * when every character is printable ASCII other than a quote or a backslash, both the generator and this
         * writer copy it as it is. Otherwise writes nothing and answers false (the caller takes the general path).
         */
        boolean writePlainString(String text) {
            int count = text.length();
            ensure(count + 4);
            byte[] out = bytes;
            int at = length;
            out[at++] = '\\';
            out[at++] = '"';
            for (int i = 0; i < count; i++) {
                char c = text.charAt(i);
                if (c >= 0x80 || ASCII_ESCAPES[c] != 0) {
                    return false;
                }
                out[at++] = (byte) c;
            }
            out[at++] = '\\';
            out[at++] = '"';
            length = at;
            return true;
        }

        @Override
        public void write(char[] chars, int offset, int count) {
            // Six bytes at most per character (an escape); grown once per call, not per character.
            ensure(count * 6);
            byte[] out = bytes;
            int at = length;
            for (int i = offset, end = offset + count; i < end; i++) {
                char c = chars[i];
                if (c < 0x80) {
                    byte escape = ASCII_ESCAPES[c];
                    if (escape == 0) {
                        out[at++] = (byte) c;
                    } else {
                        at = escape(out, at, c, escape);
                    }
                } else if (c < 0x800) {
                    out[at++] = (byte) (0xC0 | c >> 6);
                    out[at++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    at = unicodeEscape(out, at, c);
                } else {
                    out[at++] = (byte) (0xE0 | c >> 12);
                    out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                    out[at++] = (byte) (0x80 | c & 0x3F);
                }
            }
            length = at;
        }

        @Override
        public void write(String text, int offset, int count) {
            char[] chars = new char[Math.min(count, 8192)];
            for (int start = offset, end = offset + count; start < end; start += chars.length) {
                int n = Math.min(chars.length, end - start);
                text.getChars(start, start + n, chars, 0);
                write(chars, 0, n);
            }
        }

        @Override
        public void write(int c) {
            write(new char[]{(char) c}, 0, 1);
        }

        private static int escape(byte[] out, int at, char c, byte escape) {
            if (escape < 0) {
                return unicodeEscape(out, at, c);
            }
            out[at] = '\\';
            out[at + 1] = escape;
            return at + 2;
        }

        private static int unicodeEscape(byte[] out, int at, char c) {
            out[at] = '\\';
            out[at + 1] = 'u';
            out[at + 2] = HEX[c >> 12 & 0xF];
            out[at + 3] = HEX[c >> 8 & 0xF];
            out[at + 4] = HEX[c >> 4 & 0xF];
            out[at + 5] = HEX[c & 0xF];
            return at + 6;
        }

        int length() {
            return length;
        }

        /** Appends a copy of the bytes already written between {@code from} and {@code to}. */
        void copyWithin(int from, int to) {
            if (from < 0 || from > to || to > length) {
                throw new IndexOutOfBoundsException("bytes " + from + " to " + to + " of " + length);
            }
            ensure(to - from);
            System.arraycopy(bytes, from, bytes, length, to - from);
            length += to - from;
        }

        private void ensure(int more) {
            if (bytes.length - length < more) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
