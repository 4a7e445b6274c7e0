package dev.fnbundle.orders.graph;

import java.util.Arrays;

/**
 * The slow path of {@link JsonLexer}'s strings: escapes and non-ASCII bytes, decoded into canonical {@link Wtf8}
 * bytes with the semantics of Python's {@code json.loads}.
 *
 * <ul>
 *   <li>Escapes: {@code \" \\ \/ \b \f \n \r \t} and {@code \}{@code uXXXX}; any other is an error.</li>
 *   <li>An escaped high surrogate followed by an escaped low surrogate is one code point; a surrogate without
 *       its partner stays a lone surrogate (json.loads keeps {@code "\ud800"} as is).</li>
 *   <li>Raw bytes must be well-formed UTF-8 (no overlong forms, nothing past U+10FFFF); encoded surrogates are
 *       accepted, as {@code json.loads} decodes bytes with {@code surrogatepass}.</li>
 *   <li>Raw control characters below U+0020 are errors (strict mode).</li>
 * </ul>
 *
 * <p>Names are Java Strings, so a surrogate pair is one name however it was written; Python would keep an
 * escaped high surrogate followed by a raw encoded low surrogate as two code points. That input is not valid
 * UTF-8 text, so no real document tells the two apart.
 */
final class JsonStringDecoder {
    private final JsonLexer lexer;
    private byte[] out = new byte[64];
    private int length;
    private int chars;
    /** Where the last emitted unit, a high surrogate, starts in {@link #out}; -1 when the last was anything else. */
    private int highAt = -1;
    private int high;

    JsonStringDecoder(JsonLexer lexer) {
        this.lexer = lexer;
    }

    byte[] bytes() {
        return out;
    }

    int length() {
        return length;
    }

    int chars() {
        return chars;
    }

    /**
     * Decodes the string whose content starts at {@code start} in the lexer's buffer; the bytes up to the lexer's
     * position are plain ASCII already scanned. Leaves the lexer after the closing quote.
     */
    void decode(int start) {
        int prefix = lexer.pos - start;
        length = 0;
        chars = prefix;
        highAt = -1;
        room(prefix);
        System.arraycopy(lexer.buf, start, out, 0, prefix);
        length = prefix;
        while (true) {
            int b = lexer.read();
            if (b == '"') {
                return;
            }
            room(4);
            if (b == '\\') {
                unit(escape());
            } else if (b < 0) {
                throw lexer.error("the document ends inside a string");
            } else if (b < 0x20) {
                throw lexer.error("invalid control character in a string");
            } else if (b < 0x80) {
                out[length++] = (byte) b;
                chars++;
                highAt = -1;
            } else {
                int cp = utf8(b);
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    unit(cp);
                } else {
                    length = Wtf8.putCodePoint(out, length, cp);
                    chars += cp >= 0x10000 ? 2 : 1;
                    highAt = -1;
                }
            }
        }
    }

    /** Appends one UTF-16 unit, joining a low surrogate to the high surrogate just before it. */
    private void unit(int u) {
        if (u >= 0xDC00 && u <= 0xDFFF && highAt >= 0) {
            length = Wtf8.putCodePoint(out, highAt, Character.toCodePoint((char) high, (char) u));
            chars++;
            highAt = -1;
            return;
        }
        boolean isHigh = u >= 0xD800 && u <= 0xDBFF;
        highAt = isHigh ? length : -1;
        high = u;
        length = Wtf8.putCodePoint(out, length, u);
        chars++;
    }

    private int escape() {
        int c = lexer.read();
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> hex4();
            default -> throw lexer.error("invalid escape in a string");
        };
    }

    private int hex4() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(lexer.read(), 16);
            if (digit < 0) {
                throw lexer.error("invalid \\u escape: four hexadecimal digits expected");
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** One well-formed UTF-8 sequence starting with {@code lead} (a surrogate's 3-byte form allowed). */
    private int utf8(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return (lead & 0x1F) << 6 | continuation(0x80, 0xBF);
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            int second = continuation(lead == 0xE0 ? 0xA0 : 0x80, 0xBF);
            return (lead & 0x0F) << 12 | second << 6 | continuation(0x80, 0xBF);
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            int second = continuation(lead == 0xF0 ? 0x90 : 0x80, lead == 0xF4 ? 0x8F : 0xBF);
            int third = continuation(0x80, 0xBF);
            return (lead & 0x07) << 18 | second << 12 | third << 6 | continuation(0x80, 0xBF);
        }
        throw lexer.error("invalid UTF-8 byte in a string");
    }

    private int continuation(int min, int max) {
        int b = lexer.read();
        if (b < min || b > max) {
            throw lexer.error("invalid UTF-8 byte in a string");
        }
        return b & 0x3F;
    }

    private void room(int more) {
        if (length + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }
}
