package dev.fnbundle.orders.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A pull tokenizer for JSON over bytes with the grammar of Python's {@code json.loads} (strict mode): RFC 8259
 * plus {@code NaN}, {@code Infinity} and {@code -Infinity}; no comments, no trailing commas, no raw control
 * characters in strings, nothing after the document. One-shot, not thread-safe.
 *
 * <p>Strings are handed out as canonical {@link Wtf8} bytes without building a String: a string without escapes
 * or non-ASCII bytes (almost every node name) is a slice of the input buffer itself; any other one is decoded
 * once into a scratch buffer by {@link JsonStringDecoder}. The input is read through a 64 KiB window that grows
 * only to fit a single longer string. Nesting is capped at {@value #MAX_DEPTH} levels, as Python's recursion
 * limit caps it. Malformed input throws {@link GraphJsonSyntaxException} with a line and a byte column.
 */
final class JsonLexer {
    static final int END = 0;
    static final int OBJECT_START = 1;
    static final int OBJECT_END = 2;
    static final int ARRAY_START = 3;
    static final int ARRAY_END = 4;
    static final int KEY = 5;
    static final int STRING = 6;
    /** A number, true, false, null, NaN or Infinity: values a graph never accepts, so their text is not kept. */
    static final int SCALAR = 7;

    static final int MAX_DEPTH = 1000;

    private static final int ROOT = 0;
    private static final int DONE = 1;
    private static final int COLON = 2;
    private static final int FIRST_KEY = 3;
    private static final int NEXT_KEY = 4;
    private static final int FIRST_ELEMENT = 5;
    private static final int NEXT_ELEMENT = 6;

    private final InputStream in;
    byte[] buf;
    int pos;
    int limit;
    private long bufferStart;
    private int keepFrom = -1;
    private int line = 1;
    private long lineStart;
    private final boolean[] inObject = new boolean[MAX_DEPTH + 1];
    private int depth;
    private int state = ROOT;
    private int token = -1;
    /** The first character of the current {@link #SCALAR}: t, f, n, N, I, or '0' for a number. */
    private int scalar;
    private final JsonStringDecoder decoder = new JsonStringDecoder(this);
    private byte[] text;
    private int textOffset;
    private int textLength;
    private int charLength;

    /** A lexer over a whole document in memory ({@code bytes} is not copied and must not change). */
    JsonLexer(byte[] bytes) {
        this(bytes, bytes.length);
    }

    /** A lexer over the document in the first {@code length} bytes of {@code bytes}. */
    JsonLexer(byte[] bytes, int length) {
        this.in = null;
        this.buf = bytes;
        this.limit = length;
    }

    /** A lexer that reads {@code in} (UTF-8, the caller has removed any byte-order mark) as it goes. */
    JsonLexer(InputStream in, byte[] window, int filled) {
        this.in = in;
        this.buf = window;
        this.limit = filled;
    }

    /** The next token; {@link #END} once the document is complete (and only then). */
    int next() {
        int c = skipWhitespace();
        switch (state) {
            case DONE -> {
                if (c >= 0) {
                    throw error("unexpected content after the end of the JSON document");
                }
                return token = END;
            }
            case COLON -> {
                expect(c, ':', "expecting ':' after a property name");
                return value(skipWhitespace());
            }
            case FIRST_KEY -> {
                return c == '}' ? close(OBJECT_END) : key(c);
            }
            case NEXT_KEY -> {
                if (c == '}') {
                    return close(OBJECT_END);
                }
                expect(c, ',', "expecting ',' or '}' after an object member");
                return key(skipWhitespace());
            }
            case FIRST_ELEMENT -> {
                return c == ']' ? close(ARRAY_END) : value(c);
            }
            case NEXT_ELEMENT -> {
                if (c == ']') {
                    return close(ARRAY_END);
                }
                expect(c, ',', "expecting ',' or ']' after an array element");
                return value(skipWhitespace());
            }
            default -> {
                return c < 0 ? (token = END) : value(c);
            }
        }
    }

    int token() {
        return token;
    }

    /** For a {@link #SCALAR} token: TRUE or FALSE for the literals true and false, null for anything else. */
    Boolean booleanLiteral() {
        return token != SCALAR ? null : scalar == 't' ? Boolean.TRUE : scalar == 'f' ? Boolean.FALSE : null;
    }

    /** Skips the object or array that the current token opens; nothing for any other token. */
    void skipChildren() {
        if (token != OBJECT_START && token != ARRAY_START) {
            return;
        }
        int target = depth - 1;
        while (depth > target) {
            next();
        }
    }

    /** The bytes holding the current string or key; valid until the next call of {@link #next()}. */
    byte[] textBytes() {
        return text;
    }

    int textOffset() {
        return textOffset;
    }

    /** The length of the current string's canonical bytes. */
    int textLength() {
        return textLength;
    }

    /** The length of the current string in UTF-16 units, as {@link String#length()} counts. */
    int charLength() {
        return charLength;
    }

    /** The current string or key as a String. */
    String text() {
        return Wtf8.decode(text, textOffset, textLength);
    }

    GraphJsonSyntaxException error(String problem) {
        return new GraphJsonSyntaxException(problem, line, bufferStart + pos - lineStart + 1, null);
    }

    /** The next byte, consumed; -1 at the end of the input. */
    int read() {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    private int key(int c) {
        if (c != '"') {
            throw error("expecting a property name in double quotes");
        }
        string();
        state = COLON;
        return token = KEY;
    }

    private int value(int c) {
        switch (c) {
            case '{' -> {
                open(true);
                state = FIRST_KEY;
                return token = OBJECT_START;
            }
            case '[' -> {
                open(false);
                state = FIRST_ELEMENT;
                return token = ARRAY_START;
            }
            case '"' -> {
                string();
                token = STRING;
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            case 'N' -> literal("NaN");
            case 'I' -> literal("Infinity");
            case -1 -> throw error("the document ends where a value is expected");
            default -> {
                if (c != '-' && (c < '0' || c > '9')) {
                    throw error("expecting a value");
                }
                JsonNumber.skip(this);
                token = SCALAR;
                scalar = '0';
            }
        }
        afterValue();
        return token;
    }

    private void open(boolean object) {
        if (depth == MAX_DEPTH) {
            throw error("values nest deeper than " + MAX_DEPTH + " levels");
        }
        pos++;
        inObject[++depth] = object;
    }

    private int close(int kind) {
        pos++;
        depth--;
        token = kind;
        afterValue();
        return kind;
    }

    private void afterValue() {
        state = depth == 0 ? DONE : inObject[depth] ? NEXT_KEY : NEXT_ELEMENT;
    }

    /**
     * {@link #next()} for the likely next token in an array of names, a string of printable ASCII right after the
     * {@code [} or the {@code ,}: reads it and returns {@link #STRING}; for anything else reads nothing and returns
     * -1, and the caller calls {@link #next()}.
     */
    int nextPlainElement() {
        int p = pos;
        if (state == NEXT_ELEMENT && p < limit && buf[p] == ',') {
            p++;
        } else if (state != FIRST_ELEMENT) {
            return -1;
        }
        int end = p < limit && buf[p] == '"' ? PlainJsonString.end(buf, p + 1, limit) : -1;
        if (end < 0) {
            return -1;
        }
        plain(p + 1, end);
        state = NEXT_ELEMENT;
        return token = STRING;
    }

    private void plain(int start, int end) {
        text = buf;
        textOffset = start;
        textLength = end - start;
        charLength = textLength;
        pos = end + 1;
    }

    /** The fast path: a string of printable ASCII is left where it is; anything else goes to the decoder. */
    private void string() {
        int start = ++pos;
        int end = PlainJsonString.end(buf, start, limit);
        if (end >= 0) {
            plain(start, end);
            return;
        }
        int p = start;
        while (true) {
            if (p == limit) {
                int scanned = p - start;
                keepFrom = start;
                boolean more = fill();
                start = keepFrom;
                keepFrom = -1;
                p = start + scanned;
                if (!more) {
                    pos = p;
                    throw error("the document ends inside a string");
                }
                continue;
            }
            byte b = buf[p];
            if (b == '"') {
                break;
            }
            if (b == '\\' || b < 0x20) {
                pos = p;
                decoder.decode(start);
                text = decoder.bytes();
                textOffset = 0;
                textLength = decoder.length();
                charLength = decoder.chars();
                return;
            }
            p++;
        }
        plain(start, p);
    }

    void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (read() != word.charAt(i)) {
                throw error("expecting a value");
            }
        }
        token = SCALAR;
        scalar = word.charAt(0);
    }

    /** The next byte, not consumed; -1 at the end of the input. */
    int peek() {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos] & 0xFF;
    }

    private void expect(int c, char expected, String problem) {
        if (c != expected) {
            throw error(problem);
        }
        pos++;
    }

    private int skipWhitespace() {
        while (true) {
            if (pos == limit && !fill()) {
                return -1;
            }
            int c = buf[pos];
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\n') {
                pos++;
                line++;
                lineStart = bufferStart + pos;
            } else {
                return c & 0xFF;
            }
        }
    }

    /**
     * Reads more input behind {@link #limit}, first dropping what is consumed (all before {@link #pos}, or before
     * {@link #keepFrom} while a string is being scanned) and growing the window only when a single string fills
     * it. False at the end of the input.
     */
    private boolean fill() {
        if (in == null) {
            return false;
        }
        int keep = keepFrom >= 0 ? keepFrom : pos;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            bufferStart += keep;
            pos -= keep;
            limit -= keep;
            if (keepFrom >= 0) {
                keepFrom = 0;
            }
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            int n;
            do {
                n = in.read(buf, limit, buf.length - limit);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            limit += n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the graph failed", e);
        }
    }
}
