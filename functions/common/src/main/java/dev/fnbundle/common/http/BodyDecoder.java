package dev.fnbundle.common.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a JSON string straight from the event's bytes to its UTF-8 bytes, then to a String in one step: for an
 * event body of megabytes (a JSON document whose every quote is escaped) several times faster than Jackson's
 * character-by-character decoding into a char buffer, then a String copied and compacted from it.
 *
 * <p>Exact or nothing: wherever the answer could differ from Jackson's, {@link #decode} returns null and the
 * caller asks Jackson ({@link ApiEventReader}): an escape JSON does not define, a raw control character, a
 * {@code \\u} escape of a lone surrogate (a String can hold one, UTF-8 cannot), malformed UTF-8, or no closing
 * quote.
 */
final class BodyDecoder {
    private BodyDecoder() {
    }

    /**
     * The JSON string whose contents start at {@code from} (just after its opening quote), or null where only
     * Jackson's decoder gives the exact answer.
     */
    static String decode(byte[] json, int from) {
        Utf8Text text = decodeUtf8(json, from);
        return text == null ? null : text.string();
    }

    /**
     * The same string as its UTF-8 bytes, checked to be well-formed, without a String made of them (for a body the
     * handler reads as bytes); null where {@link #decode} is.
     */
    static Utf8Text decodeUtf8(byte[] json, int from) {
        byte[] out = new byte[json.length - from];
        int length = 0;
        boolean ascii = true;
        int i = from;
        while (i < json.length) {
            int b = json[i++];
            if (b == '"') {
                if (ascii) {
                    return new Utf8Text(out, length, null, i);
                }
                String string = strictUtf8(out, length);
                return string == null ? null : new Utf8Text(out, length, string, i);
            }
            if (b < 0) {
                ascii = false;
                out[length++] = (byte) b;
            } else if (b < 0x20) {
                return null;
            } else if (b != '\\') {
                out[length++] = (byte) b;
            } else if (i >= json.length) {
                return null;
            } else {
                int escape = json[i++];
                switch (escape) {
                    case '"', '\\', '/' -> out[length++] = (byte) escape;
                    case 'b' -> out[length++] = '\b';
                    case 'f' -> out[length++] = '\f';
                    case 'n' -> out[length++] = '\n';
                    case 'r' -> out[length++] = '\r';
                    case 't' -> out[length++] = '\t';
                    case 'u' -> {
                        int c = escapedCodePoint(json, i);
                        if (c < 0) {
                            return null;
                        }
                        i += c >= 0x10000 ? 10 : 4;
                        ascii &= c < 0x80;
                        length = utf8(c, out, length);
                    }
                    default -> {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    /**
     * A decoded string as well-formed UTF-8, the first {@code length} bytes of the decoder's buffer, with its String
     * when one was made to check the bytes (non-ASCII). An ASCII string's String is made from the buffer when asked
     * for, so a handler that reads the body as bytes pays no copy of it, and one that reads it as text one.
     * {@code end} is the index just after the closing quote in the JSON it was decoded from. Not thread-safe.
     */
    static final class Utf8Text {
        private final byte[] buffer;
        private final int length;
        private final String decoded;
        private final int end;

        private Utf8Text(byte[] buffer, int length, String decoded, int end) {
            this.buffer = buffer;
            this.length = length;
            this.decoded = decoded;
            this.end = end;
        }

        /** The buffer whose first {@link #length()} bytes are the string's (not to be modified). */
        byte[] buffer() {
            return buffer;
        }

        int length() {
            return length;
        }

        String string() {
            return decoded != null ? decoded : new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
        }

        int end() {
            return end;
        }
    }

    private static String strictUtf8(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The code point of the {@code \\u} escape whose hex digits start at {@code at}, a surrogate pair's two escapes
     * combined (ten bytes), or -1 for bad digits or a lone surrogate.
     */
    private static int escapedCodePoint(byte[] json, int at) {
        int c = hex4(json, at);
        if (c < 0xD800 || c > 0xDFFF) {
            return c;
        }
        int next = at + 4;
        int low = c <= 0xDBFF && next + 6 <= json.length && json[next] == '\\' && json[next + 1] == 'u'
                ? hex4(json, next + 2) : -1;
        if (low < 0xDC00 || low > 0xDFFF) {
            return -1;
        }
        return 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
    }

    /** The value of four hex digits at {@code at}, or -1. */
    private static int hex4(byte[] json, int at) {
        if (at + 4 > json.length) {
            return -1;
        }
        int value = 0;
        for (int k = at; k < at + 4; k++) {
            int digit = Character.digit(json[k], 16);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static int utf8(int c, byte[] out, int at) {
        if (c < 0x80) {
            out[at++] = (byte) c;
        } else if (c < 0x800) {
            out[at++] = (byte) (0xC0 | c >> 6);
            out[at++] = (byte) (0x80 | c & 0x3F);
        } else if (c < 0x10000) {
            out[at++] = (byte) (0xE0 | c >> 12);
            out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
            out[at++] = (byte) (0x80 | c & 0x3F);
        } else {
            out[at++] = (byte) (0xF0 | c >> 18);
            out[at++] = (byte) (0x80 | c >> 12 & 0x3F);
            out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
            out[at++] = (byte) (0x80 | c & 0x3F);
        }
        return at;
    }
}
