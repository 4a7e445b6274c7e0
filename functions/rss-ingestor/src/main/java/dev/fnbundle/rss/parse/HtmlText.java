package dev.fnbundle.rss.parse;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Tag;

/**
 * Turns an HTML fragment into plain text the way jsoup's {@code Element.text()} reads it (tags dropped, a space
 * where a block element or {@code <br>} breaks the flow, script and style bodies and comments skipped, HTML5
 * entities decoded), then collapses every run of whitespace to one space, trims, and keeps at most a given number
 * of code points. It scans once and stops as soon as the cap is reached, without building a DOM: a 1 MB
 * {@code content:encoded} costs no more than its first few hundred characters. Tree-construction repairs that
 * reorder text (foster-parented table text, stray cell tags) are not replicated; no text is ever invented.
 */
final class HtmlText {
    /** Elements whose body is data, not text. */
    private static final Set<String> SKIPPED_BODIES = Set.of("script", "style", "noscript", "template", "iframe",
            "noembed", "noframes", "xmp");
    /**
     * The HTML elements jsoup treats as blocks, asked once at class load: jsoup's own lookup allocates per call
     * and costs more than the rest of the text extraction.
     */
    private static final Set<String> BLOCKS = Stream.of("address", "article", "aside", "audio", "blockquote",
                    "body", "br", "canvas", "caption", "center", "col", "colgroup", "dd", "del", "details", "dialog",
                    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1",
                    "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "ins", "legend",
                    "li", "listing", "main", "marquee", "math", "menu", "nav", "noframes", "noscript", "ol", "optgroup",
                    "option", "p", "plaintext", "pre", "search", "section", "summary", "svg", "table", "tbody", "td",
                    "template", "tfoot", "th", "thead", "title", "tr", "ul", "video", "a", "abbr", "b", "bdi", "bdo",
                    "cite", "code", "data", "dfn", "em", "font", "i", "img", "kbd", "label", "mark", "q", "s", "samp",
                    "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "acronym", "applet", "area",
                    "base", "basefont", "bgsound", "big", "button", "datalist", "embed", "frame", "input", "isindex",
                    "keygen", "link", "map", "meta", "meter", "nobr", "noembed", "object", "output", "param",
                    "picture", "progress", "rb", "rp", "rt", "rtc", "ruby", "script", "select", "slot", "source",
                    "strike", "style", "textarea", "track", "tt", "xmp")
            .filter(name -> Tag.valueOf(name).isBlock())
            .collect(Collectors.toUnmodifiableSet());
    private static final TagNames TAGS = new TagNames(BLOCKS, SKIPPED_BODIES);

    private HtmlText() {
    }

    /**
     * @param html HTML source, may be null
     * @param maxCodePoints cap on the result's length in code points
     * @return the text, or null when there is none
     */
    static String toText(String html, int maxCodePoints) {
        if (html == null) {
            return null;
        }
        TextSink sink = new TextSink(maxCodePoints, html.length());
        scan(html, sink, true);
        return sink.result();
    }

    /** One pass over the input; runs of printable ASCII (the bulk of any text) are appended in one call. */
    private static void scan(String s, TextSink sink, boolean markup) {
        int n = s.length();
        int i = 0;
        while (i < n && !sink.full()) {
            char c = s.charAt(i);
            if (markup && c == '<') {
                i = markup(s, i, sink);
            } else if (markup && c == '&') {
                i = entity(s, i, sink);
            } else if (isPlainAscii(c)) {
                int start = i;
                do {
                    i++;
                } while (i < n && isPlainAscii(s.charAt(i)) && !(markup && isMarkupStart(s.charAt(i))));
                sink.appendPlain(s, start, i);
            } else {
                sink.append(c);
                i++;
            }
        }
    }

    private static boolean isMarkupStart(char c) {
        return c == '<' || c == '&';
    }

    private static boolean isPlainAscii(char c) {
        return c > ' ' && c < 0x7F;
    }

    /** Plain text (no markup): whitespace collapsed, trimmed, capped; null when nothing remains. */
    static String collapse(String text, int maxCodePoints) {
        if (text == null) {
            return null;
        }
        if (isAlreadyCollapsed(text, maxCodePoints)) {
            return text;
        }
        TextSink sink = new TextSink(maxCodePoints, text.length());
        scan(text, sink, false);
        return sink.result();
    }

    /** True when {@link #collapse} would return the text unchanged: the common case, checked without copying. */
    private static boolean isAlreadyCollapsed(String text, int maxCodePoints) {
        int n = text.length();
        if (n == 0 || n > maxCodePoints || text.charAt(0) == ' ' || text.charAt(n - 1) == ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean plain = c > ' ' && c < 0x7F || c == ' ' && previous != ' ';
            if (!plain) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static int markup(String html, int i, TextSink sink) {
        int n = html.length();
        if (html.startsWith("<!--", i)) {
            int end = html.indexOf("-->", i + 4);
            return end < 0 ? n : end + 3;
        }
        char next = i + 1 < n ? html.charAt(i + 1) : ' ';
        if (next == '!' || next == '?') {
            int end = html.indexOf('>', i);
            return end < 0 ? n : end + 1;
        }
        boolean closing = next == '/';
        int nameStart = closing ? i + 2 : i + 1;
        if (nameStart >= n || !isAsciiLetter(html.charAt(nameStart))) {
            if (closing && nameStart < n && html.charAt(nameStart) == '>') {
                return nameStart + 1;
            }
            sink.append('<');
            return i + 1;
        }
        int nameEnd = nameStart;
        while (nameEnd < n && isTagNameChar(html.charAt(nameEnd))) {
            nameEnd++;
        }
        int kind = TAGS.kind(html, nameStart, nameEnd);
        int tagEnd = tagEnd(html, nameEnd);
        if (!closing && (kind & TagNames.SKIPPED_BODY) != 0) {
            String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            int close = indexOfIgnoreCase(html, "</" + name, tagEnd);
            return close < 0 ? n : tagEnd(html, close + 2 + name.length());
        }
        if ((kind & TagNames.BLOCK) != 0) {
            sink.breakFlow();
        }
        return tagEnd;
    }

    /** Index after the {@code >} that closes a tag, honouring quoted attribute values; n when unterminated. */
    private static int tagEnd(String html, int from) {
        int n = html.length();
        char lastSignificant = 0;
        for (int j = from; j < n; j++) {
            char c = html.charAt(j);
            if ((c == '"' || c == '\'') && lastSignificant == '=') {
                int close = html.indexOf(c, j + 1);
                if (close < 0) {
                    return n;
                }
                j = close;
                lastSignificant = c;
            } else if (c == '>') {
                return j + 1;
            } else if (!Character.isWhitespace(c)) {
                lastSignificant = c;
            }
        }
        return n;
    }

    private static int entity(String html, int i, TextSink sink) {
        int n = html.length();
        if (i + 1 < n && html.charAt(i + 1) == '#') {
            return numericEntity(html, i, sink);
        }
        int end = i + 1;
        while (end < n && end - i <= 32 && isAsciiLetterOrDigit(html.charAt(end))) {
            end++;
        }
        String name = html.substring(i + 1, end);
        if (end < n && html.charAt(end) == ';' && Entities.isNamedEntity(name)) {
            sink.append(Entities.getByName(name));
            return end + 1;
        }
        String prefix = name.isEmpty() ? "" : Entities.findPrefix(name);
        if (prefix.isEmpty()) {
            sink.append('&');
            return i + 1;
        }
        sink.append(Entities.getByName(prefix));
        int after = i + 1 + prefix.length();
        return after < n && html.charAt(after) == ';' ? after + 1 : after;
    }

    private static int numericEntity(String html, int i, TextSink sink) {
        int n = html.length();
        int j = i + 2;
        boolean hex = j < n && (html.charAt(j) == 'x' || html.charAt(j) == 'X');
        int digitsStart = hex ? j + 1 : j;
        int end = digitsStart;
        while (end < n && end - digitsStart < 8 && Character.digit(html.charAt(end), hex ? 16 : 10) >= 0) {
            end++;
        }
        if (end == digitsStart) {
            sink.append('&');
            return i + 1;
        }
        int cp = Integer.parseInt(html.substring(digitsStart, end), hex ? 16 : 10);
        boolean valid = cp > 0 && cp <= Character.MAX_CODE_POINT && (cp < 0xD800 || cp > 0xDFFF);
        sink.append(valid ? new String(Character.toChars(cp)) : "\uFFFD");
        return end < n && html.charAt(end) == ';' ? end + 1 : end;
    }

    private static int indexOfIgnoreCase(String html, String needle, int from) {
        int last = html.length() - needle.length();
        for (int i = from; i <= last; i++) {
            if (html.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    private static boolean isTagNameChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '-' || c == ':' || c == '_';
    }
}
