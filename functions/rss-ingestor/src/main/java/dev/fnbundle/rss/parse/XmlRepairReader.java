package dev.fnbundle.rss.parse;

import dev.fnbundle.rss.model.WarningCode;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.Objects;

/**
 * A lexical pass in front of the XML parser that makes real-world feeds safe and readable without a DTD.
 *
 * <p>It never expands anything: a DOCTYPE (internal subset and external identifiers included) is dropped whole,
 * so no entity can be declared and billion-laughs or XXE documents are read as plain text. References are handled
 * by {@link EntityRepair}; a {@code <} that cannot start markup becomes {@code &lt;}; characters XML forbids are
 * dropped; whitespace before the XML declaration is skipped; each with a warning. Comments, CDATA and processing
 * instructions pass through untouched. Line breaks are preserved so parser positions stay true.
 *
 * <p>Memory is one 16 KiB window; each tag is capped because the parser holds a start tag's attributes whole.
 * Throws {@link FeedParseException} with {@code encoding} for undecodable bytes, {@code limit_exceeded} for an
 * oversized tag.
 */
final class XmlRepairReader extends Reader {
    private enum State { START, TEXT, TAG, COMMENT, CDATA, PI, DOCTYPE }

    private final CharWindow window;
    private final char[] buf;
    private final WarningCollector warnings;
    private final int maxTagChars;
    private final TerminatorMatcher terminator = new TerminatorMatcher();
    private final DoctypeSkipper doctype = new DoctypeSkipper();

    private State state = State.START;
    private String pending;
    private int pendingPos;
    private int passThrough;
    private int line = 1;
    private int lastContentLine;
    private int skippedLines;
    private boolean skippedWhitespace;
    private char quote;
    private int tagChars;
    private boolean sawMarkup;
    private String rootName;
    private String doctypeName;

    XmlRepairReader(Reader in, WarningCollector warnings, int maxTagChars, String charsetName) {
        this.window = new CharWindow(Objects.requireNonNull(in, "in"), () -> line, charsetName);
        this.buf = window.buf;
        this.warnings = warnings;
        this.maxTagChars = maxTagChars;
    }

    /** Lines skipped before the first markup; add to parser line numbers to get document lines. */
    int lineOffset() {
        return skippedLines;
    }

    /** The current document line of the pass. */
    int line() {
        return line;
    }

    /** The line of the last character that was not whitespace; where a cut-off document stops. */
    int lastContentLine() {
        return lastContentLine;
    }

    /** True once the underlying input is exhausted and everything was handed on. */
    boolean eofReached() {
        return window.exhausted() && pending == null;
    }

    /** True when any markup was seen, false for empty or whitespace-only input. */
    boolean sawMarkup() {
        return sawMarkup;
    }

    /** True when the DOCTYPE or the first element names {@code html}: a web page, not a feed. */
    boolean looksLikeHtml() {
        return isHtmlName(doctypeName) || isHtmlName(rootName);
    }

    private static boolean isHtmlName(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return lower.equals("html") || lower.endsWith(":html");
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        int n = 0;
        while (n < len) {
            if (pending != null) {
                n += drainPending(cbuf, off + n, len - n);
            } else if (window.pos < window.limit) {
                n += step(cbuf, off + n, len - n);
            } else if (n > 0 || !window.fill()) {
                break;
            }
        }
        return n == 0 && len > 0 ? -1 : n;
    }

    @Override
    public void close() throws IOException {
        window.close();
    }

    private int step(char[] out, int off, int room) throws IOException {
        if (passThrough > 0) {
            int k = Math.min(passThrough, Math.min(room, window.limit - window.pos));
            System.arraycopy(buf, window.pos, out, off, k);
            window.pos += k;
            passThrough -= k;
            return k;
        }
        return switch (state) {
            case START -> skipLeadingWhitespace();
            case TEXT -> text(out, off, room);
            case TAG -> tag(out, off, room);
            case COMMENT, CDATA, PI -> untilTerminator(out, off, room);
            case DOCTYPE -> skipDoctype(out, off);
        };
    }

    private int skipLeadingWhitespace() throws IOException {
        while (window.pos < window.limit) {
            char c = buf[window.pos];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\uFEFF') {
                state = State.TEXT;
                window.ensure(5);
                if (skippedWhitespace && window.startsWith("<?xml")) {
                    warnings.add(WarningCode.LEADING_WHITESPACE, "whitespace before the XML declaration was skipped",
                            line);
                }
                return 0;
            }
            if (c == '\n') {
                line++;
                skippedLines++;
            }
            skippedWhitespace = true;
            window.pos++;
        }
        return 0;
    }

    private int text(char[] out, int off, int room) throws IOException {
        int start = window.pos;
        int end = Math.min(window.limit, start + room);
        int p = start;
        while (p < end) {
            char c = buf[p];
            if (c == '<' || c == '&' || c < 0x20 || c >= 0xFFFE) {
                break;
            }
            p++;
        }
        window.pos = p;
        int copied = p - start;
        if (copied > 0) {
            if (!window.blank(start, p)) {
                lastContentLine = line;
            }
            System.arraycopy(buf, start, out, off, copied);
            return copied;
        }
        return switch (buf[p]) {
            case '<' -> markupStart(out, off);
            case '&' -> entity();
            default -> control(out, off);
        };
    }

    private int tag(char[] out, int off, int room) throws IOException {
        int start = window.pos;
        int end = Math.min(window.limit, start + room);
        int p = start;
        while (p < end) {
            char c = buf[p];
            if (c < 0x20 || c == '&' || c >= 0xFFFE) {
                break;
            }
            p++;
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                state = State.TEXT;
                break;
            }
        }
        window.pos = p;
        int copied = p - start;
        tagChars += copied;
        if (tagChars > maxTagChars) {
            throw new FeedParseException(FeedParseReason.LIMIT_EXCEEDED,
                    "a tag is longer than " + maxTagChars + " characters", line, 0);
        }
        if (copied > 0) {
            lastContentLine = line;
            System.arraycopy(buf, start, out, off, copied);
            return copied;
        }
        if (buf[p] != '&') {
            return control(out, off);
        }
        if (quote != 0) {
            return entity();
        }
        out[off] = buf[window.pos++];
        return 1;
    }

    private int untilTerminator(char[] out, int off, int room) {
        int start = window.pos;
        int end = Math.min(window.limit, start + room);
        int p = start;
        while (p < end) {
            char c = buf[p];
            if (c < 0x20 || c >= 0xFFFE) {
                break;
            }
            p++;
            if (terminator.advance(c)) {
                state = State.TEXT;
                break;
            }
        }
        window.pos = p;
        int copied = p - start;
        if (copied > 0) {
            lastContentLine = line;
            System.arraycopy(buf, start, out, off, copied);
            return copied;
        }
        terminator.reset();
        return control(out, off);
    }

    private int skipDoctype(char[] out, int off) throws IOException {
        while (window.pos < window.limit) {
            char c = buf[window.pos];
            if (c == '\n') {
                window.pos++;
                line++;
                out[off] = '\n';
                return 1;
            }
            if (c == '<' && !doctype.inLiteralOrComment()) {
                window.ensure(4);
                if (window.startsWith("<!--")) {
                    window.pos += 4;
                    doctype.enterComment();
                    continue;
                }
            }
            window.pos++;
            if (doctype.advance(c)) {
                state = State.TEXT;
                warnings.add(WarningCode.DOCTYPE_IGNORED, "DOCTYPE " + doctypeName
                        + " ignored: DTDs, entity declarations and external references are never read", line);
                return 0;
            }
        }
        return 0;
    }

    private int markupStart(char[] out, int off) throws IOException {
        sawMarkup = true;
        window.ensure(EntityRepair.LOOKAHEAD);
        char next = window.peek(1);
        if (rootName != null && (next == '/' || CharWindow.isNameStart(next))) {
            // The common case, an element tag after the root's: no opener or DOCTYPE to compare against.
            return enterTag(out, off);
        }
        if (window.startsWith("<!--")) {
            return enter(State.COMMENT, "-->", "<!--");
        }
        if (window.startsWith("<![CDATA[")) {
            return enter(State.CDATA, "]]>", "<![CDATA[");
        }
        if (window.startsWith("<?")) {
            return enter(State.PI, "?>", "<?");
        }
        if (rootName == null && window.startsWithIgnoreCase("<!DOCTYPE")) {
            window.pos += "<!DOCTYPE".length();
            doctypeName = window.name(window.skipBlanks(window.pos), 64);
            doctype.reset();
            state = State.DOCTYPE;
            return 0;
        }
        if (next == '/' || next == '!' || CharWindow.isNameStart(next)) {
            if (rootName == null && CharWindow.isNameStart(next)) {
                rootName = window.name(window.pos + 1, 64);
            }
            return enterTag(out, off);
        }
        warnings.add(WarningCode.BARE_LESS_THAN, "'<' that cannot start markup kept as text", line);
        window.pos++;
        return emit("&lt;");
    }

    private int enterTag(char[] out, int off) {
        state = State.TAG;
        quote = 0;
        tagChars = 0;
        out[off] = buf[window.pos++];
        return 1;
    }

    private int enter(State next, String end, String opener) {
        state = next;
        terminator.start(end);
        window.pos += opener.length();
        return emit(opener);
    }

    private int entity() throws IOException {
        EntityRepair.Result repair = EntityRepair.at(window);
        if (repair.warning() != null) {
            warnings.add(repair.warning(), repair.message(), line);
        }
        if (repair.passThrough() > 0) {
            passThrough = repair.passThrough();
            return 0;
        }
        window.pos += repair.consumed();
        return repair.replacement() == null ? 0 : emit(repair.replacement());
    }

    private int control(char[] out, int off) {
        char c = buf[window.pos++];
        if (c == '\n') {
            line++;
        }
        if (c == '\n' || c == '\t' || c == '\r') {
            out[off] = c;
            return 1;
        }
        warnings.add(WarningCode.INVALID_CHARACTER,
                String.format(Locale.ROOT, "character U+%04X, which XML forbids, dropped", (int) c), line);
        return 0;
    }

    /** Queues text to hand on before reading further input. */
    private int emit(String text) {
        pending = text;
        pendingPos = 0;
        return 0;
    }

    private int drainPending(char[] out, int off, int room) {
        int k = Math.min(room, pending.length() - pendingPos);
        pending.getChars(pendingPos, pendingPos + k, out, off);
        pendingPos += k;
        if (pendingPos == pending.length()) {
            pending = null;
        }
        return k;
    }
}
