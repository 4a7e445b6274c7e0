package dev.fnbundle.local.api;

/**
 * Decodes a JSON string straight from a function's answer bytes to the UTF-8 bytes of its value: for a body of
 * megabytes (a JSON document whose every quote is escaped) one pass, where the tree path decodes it into characters,
 * makes a String and encodes that back.
 *
 * <p>Exact or nothing: where the answer could differ from Jackson's String encoded as UTF-8, {@link #decode} answers
 * null and the caller takes that path: a {@code \\u} escape (rare in an answer: JSON writers leave non-ASCII
 * characters as they are, and one of a lone surrogate would become {@code ?}), bytes that are not well-formed
 * UTF-8, an escape JSON does not define, a raw control character, no closing quote.
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
                return null; // a u-escape, or one JSON does not define
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
}
