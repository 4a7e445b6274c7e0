package dev.fnbundle.local.api;

/**
 * Decodes a JSON string straight from a function's answer bytes to the UTF-8 bytes of its value: for a body of
 * megabytes (a JSON document whose every quote is escaped) one pass, where the tree path decodes it into characters,
 * makes a String and encodes that back.
 *
 * <p>Exact or nothing: wherever Jackson's String encoded as UTF-8 could differ, {@link #decode} answers null and the
 * caller takes that path: a {@code \\u} escape of a lone surrogate (which UTF-8 encoding turns into {@code ?}),
 * bytes that are not well-formed UTF-8, an escape JSON does not define, a raw control character, no closing quote.
 */
final class JsonStringUnescaper {
    private JsonStringUnescaper() {
    }

    /** The first {@code length} bytes of {@code bytes} are the value's UTF-8 bytes. */
    record Decoded(byte[] bytes, int length) {
    }

    /** The value of the JSON string whose opening quote is at {@code quote}, or null (see the class comment). */
    static Decoded decode(byte[] json, int quote) {
        if (quote < 0 || quote >= json.length || json[quote] != '"') {
            return null;
        }
        // an escape never decodes to more bytes than it takes, so the rest of the input bounds the value
        byte[] out = new byte[json.length - quote - 1];
        int length = 0;
        int i = quote + 1;
        while (i < json.length) {
            byte b = json[i];
            if (b == '"') {
                return new Decoded(out, length);
            }
            if (b == '\\') {
                if (i + 1 >= json.length) {
                    return null;
                }
                byte escaped = json[i + 1];
                byte plain = plainEscape(escaped);
                if (plain != 0) {
                    out[length++] = plain;
                    i += 2;
                    continue;
                }
                if (escaped != 'u') {
                    return null;
                }
                int c = escapedCodePoint(json, i + 2);
                if (c < 0) {
                    return null;
                }
                i += c >= 0x10000 ? 12 : 6;
                length = utf8(c, out, length);
            } else if (b >= 0x20) {
                out[length++] = b;
                i++;
            } else if (b >= 0) {
                return null; // a raw control character
            } else {
                int sequence = Utf8.sequenceLength(json, i);
                if (sequence < 0) {
                    return null;
                }
                System.arraycopy(json, i, out, length, sequence);
                length += sequence;
                i += sequence;
            }
        }
        return null;
    }

    /** The byte a one-letter escape stands for, or 0 for {@code u} and for letters JSON does not define. */
    private static byte plainEscape(byte letter) {
        return switch (letter) {
            case '"', '\\', '/' -> letter;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> 0;
        };
    }

    /**
     * The code point of the {@code \\u} escape whose hex digits start at {@code at}, a surrogate pair's two escapes
     * combined, or -1 for bad digits or a lone surrogate.
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
