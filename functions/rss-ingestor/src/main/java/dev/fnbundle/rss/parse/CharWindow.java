package dev.fnbundle.rss.parse;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.function.IntSupplier;

/**
 * A fixed 16 KiB window over a character stream with lookahead: {@link #ensure} guarantees up to a few dozen
 * characters past {@link #pos} (or the end of input) so markup openers and entity references can be recognized
 * whole, whatever the underlying reader's chunking. The fields are open to {@link XmlRepairReader}'s hot loops.
 */
final class CharWindow {
    private static final int SIZE = 16 * 1024;

    final char[] buf = new char[SIZE];
    int pos;
    int limit;

    private final Reader in;
    private final IntSupplier line;
    private final String charsetName;
    private boolean eof;

    CharWindow(Reader in, IntSupplier line, String charsetName) {
        this.in = in;
        this.line = line;
        this.charsetName = charsetName;
    }

    /** True when the input is exhausted and every character in the window was consumed. */
    boolean exhausted() {
        return eof && pos >= limit;
    }

    /** Makes at least one character available unless the input is exhausted; true when one is. */
    boolean fill() throws IOException {
        compact();
        while (limit == pos && !eof) {
            readMore();
        }
        return limit > pos;
    }

    /** Makes {@code chars} characters available past {@link #pos}, or as many as remain before the end. */
    void ensure(int chars) throws IOException {
        if (limit - pos >= chars) {
            return;
        }
        compact();
        while (limit - pos < chars && !eof) {
            readMore();
        }
    }

    private void compact() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
    }

    private void readMore() throws IOException {
        try {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        } catch (CharacterCodingException e) {
            throw new FeedParseException(FeedParseReason.ENCODING,
                    "bytes that are not valid " + charsetName + " (declare the real encoding)", line.getAsInt(), 0, e);
        }
    }

    boolean startsWith(String prefix) {
        if (limit - pos < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buf[pos + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean startsWithIgnoreCase(String prefix) {
        return limit - pos >= prefix.length() && new String(buf, pos, prefix.length()).equalsIgnoreCase(prefix);
    }

    /** The character at {@code pos + offset}, or a space past the available characters. */
    char peek(int offset) {
        return pos + offset < limit ? buf[pos + offset] : ' ';
    }

    /** The XML name starting at {@code from}, at most {@code max} characters (possibly empty). */
    String name(int from, int max) {
        int end = from;
        while (end < limit && end - from < max && isNameChar(buf[end])) {
            end++;
        }
        return new String(buf, from, end - from);
    }

    int skipBlanks(int from) {
        int i = from;
        while (i < limit && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r')) {
            i++;
        }
        return i;
    }

    /** True when {@code buf[from, to)} holds only spaces. */
    boolean blank(int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (buf[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    void close() throws IOException {
        in.close();
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }
}
