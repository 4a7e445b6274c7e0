package dev.fnbundle.rss.parse;

import dev.fnbundle.rss.model.WarningCode;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import org.jsoup.nodes.Entities;

/**
 * Reads the content of the element under the cursor as one kind of field value (plain text, HTML, date, link,
 * Atom text construct), reporting tolerated defects as warnings. Each read ends on the element's end tag.
 */
final class FieldReader {
    /** An Atom text construct (or RSS HTML field): HTML source, or plain text. */
    record TextValue(String source, boolean html) {
        String toText(int maxCodePoints) {
            return html ? HtmlText.toText(source, maxCodePoints) : HtmlText.collapse(source, maxCodePoints);
        }

        String toHtml() {
            return html ? source : Entities.escape(source);
        }
    }

    private final XmlCursor cursor;
    private final WarningCollector warnings;
    private final int maxTextChars;

    FieldReader(XmlCursor cursor, WarningCollector warnings, FeedLimits limits) {
        this.cursor = cursor;
        this.warnings = warnings;
        this.maxTextChars = limits.maxTextChars();
    }

    XmlCursor cursor() {
        return cursor;
    }

    int maxTextChars() {
        return maxTextChars;
    }

    /** Text with whitespace collapsed; null when blank. */
    String plain() throws XMLStreamException {
        return HtmlText.collapse(cursor.readText(), maxTextChars);
    }

    /** Text trimmed but otherwise as written (identifiers); null when blank. */
    String raw() throws XMLStreamException {
        String text = cursor.readText().strip();
        return text.isEmpty() ? null : text;
    }

    /** RSS-style HTML: entity-escaped HTML text, or (a common defect) literal child elements. */
    TextValue html() throws XMLStreamException {
        String source = cursor.readMarkup(false);
        return source.isBlank() ? null : new TextValue(source, true);
    }

    /** An Atom text construct by its {@code type} (Atom 0.3 {@code mode}); null when blank or unsupported. */
    TextValue textConstruct() throws XMLStreamException {
        String type = cursor.attribute("type");
        String mode = cursor.attribute("mode");
        String kind = type == null ? "text" : type.strip().toLowerCase(Locale.ROOT);
        if ("base64".equals(mode) || !(kind.equals("text") || kind.equals("html") || kind.equals("xhtml")
                || kind.startsWith("text/") || kind.equals("application/xhtml+xml"))) {
            warnings.add(WarningCode.UNSUPPORTED_CONTENT, "<" + cursor.localName() + "> of type " + kind
                    + " ignored", cursor.line());
            cursor.skipElement();
            return null;
        }
        boolean xhtml = kind.equals("xhtml") || kind.equals("application/xhtml+xml") || "xml".equals(mode);
        String source = xhtml ? cursor.readMarkup(true) : cursor.readText();
        if (source.isBlank()) {
            return null;
        }
        return new TextValue(source, xhtml || kind.equals("html") || kind.equals("text/html"));
    }

    /** A date in any supported format; null with a warning when unparseable. */
    Instant date() throws XMLStreamException {
        String element = cursor.localName();
        int line = cursor.line();
        String text = cursor.readText();
        FeedDateParser.FeedDate date = FeedDateParser.parse(text);
        String shown = HtmlText.collapse(text, 40);
        if (date == null) {
            if (shown != null) {
                warnings.add(WarningCode.BAD_DATE, "unparseable date '" + shown + "' in <" + element
                        + "> ignored", line);
            }
            return null;
        }
        if (date.zoneAssumed()) {
            warnings.add(WarningCode.DATE_ZONE_ASSUMED, "date '" + shown + "' in <" + element
                    + "> has no usable time zone; UTC assumed", line);
        }
        return date.instant();
    }

    /** The element's text as a link resolved against its base; null with a warning when unusable. */
    String linkText() throws XMLStreamException {
        URI base = cursor.base();
        int line = cursor.line();
        return link(base, cursor.readText(), line);
    }

    /** A link from an attribute of the current element, resolved against its base. */
    String linkAttribute(String name) {
        return link(cursor.base(), cursor.attribute(name), cursor.line());
    }

    String link(URI base, String raw, int line) {
        LinkResolver.Result result = LinkResolver.resolve(base, raw);
        if (result.failure() != null) {
            String why = switch (result.failure()) {
                case MALFORMED -> "malformed URL";
                case RELATIVE_WITHOUT_BASE -> "relative URL without a base (no xml:base or feed URL)";
                case SCHEME -> "URL that is not http(s)";
            };
            warnings.add(WarningCode.BAD_URL, why + " ignored", line);
        }
        return result.url();
    }
}
