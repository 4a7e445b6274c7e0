package dev.fnbundle.rss.parse;

import com.fasterxml.aalto.UncheckedStreamException;
import dev.fnbundle.rss.model.WarningCode;
import java.net.URI;
import java.util.Set;
import java.util.function.IntSupplier;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A forward-only view of the StAX stream that keeps the element depth (capped) and the {@code xml:base} in effect
 * for every element, and reads an element's content as text or as markup with a size cap. During an
 * {@code END_ELEMENT} event {@link #depth()} is still the depth of the element that ends.
 */
final class XmlCursor {
    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img",
            "input", "link", "meta", "source", "track", "wbr");

    private final XMLStreamReader reader;
    private final WarningCollector warnings;
    private final int maxDepth;
    private final int maxTextChars;
    private final IntSupplier lineOffset;
    private final URI[] bases;
    private int depth;
    private boolean popPending;

    XmlCursor(XMLStreamReader reader, URI documentBase, FeedLimits limits, WarningCollector warnings,
              IntSupplier lineOffset) {
        this.reader = reader;
        this.warnings = warnings;
        this.maxDepth = limits.maxDepth();
        this.maxTextChars = limits.maxTextChars();
        this.lineOffset = lineOffset;
        this.bases = new URI[maxDepth + 1];
        this.bases[0] = documentBase;
    }

    /** Advances one event and returns its type. */
    int next() throws XMLStreamException {
        if (popPending) {
            depth--;
            popPending = false;
        }
        int event = advance();
        if (event == XMLStreamConstants.START_ELEMENT) {
            enter();
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            popPending = true;
        }
        return event;
    }

    /**
     * Aalto reports a few namespace errors as a bare {@link RuntimeException} rather than an
     * {@link XMLStreamException}: an element named {@code xmlns:rdf} gives "Trying to create non-singleton binding
     * for ns prefix 'xmlns'" (found by FeedParserFuzzTest, crash-15b131ae...; it escaped as a 500). Such an error is
     * the document's, so it becomes the parse error every other malformed document gets. Only exceptions thrown by
     * the parser's own code are converted: one from our repair reader under it is a bug and stays one.
     */
    private int advance() throws XMLStreamException {
        try {
            return reader.next();
        } catch (UncheckedStreamException e) {
            throw e;
        } catch (RuntimeException e) {
            StackTraceElement[] trace = e.getStackTrace();
            if (trace.length == 0 || !trace[0].getClassName().startsWith("com.fasterxml.aalto.")) {
                throw e;
            }
            throw new XMLStreamException(e.getMessage(), reader.getLocation());
        }
    }

    private void enter() {
        if (depth + 1 > maxDepth) {
            throw new FeedParseException(FeedParseReason.LIMIT_EXCEEDED,
                    "elements nest deeper than " + maxDepth + " levels", line(), column());
        }
        if (reader.getAttributeCount() > HardenedStax.MAX_ATTRIBUTES) {
            throw new FeedParseException(FeedParseReason.LIMIT_EXCEEDED, "an element has more than "
                    + HardenedStax.MAX_ATTRIBUTES + " attributes", line(), column());
        }
        depth++;
        URI parent = bases[depth - 1];
        String xmlBase = reader.getAttributeValue(XMLConstants.XML_NS_URI, "base");
        if (xmlBase == null) {
            bases[depth] = parent;
            return;
        }
        URI resolved = LinkResolver.resolveBase(parent, xmlBase);
        if (resolved == null) {
            warnings.add(WarningCode.BAD_URL, "malformed xml:base ignored", line());
        }
        bases[depth] = resolved == null ? parent : resolved;
    }

    int depth() {
        return depth;
    }

    /** The base URI in effect for the current element (its own {@code xml:base} included), or null. */
    URI base() {
        return bases[depth];
    }

    String namespace() {
        String ns = reader.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    String localName() {
        return reader.getLocalName();
    }

    /** An attribute of the current start element by local name in no namespace, or null. */
    String attribute(String localName) {
        return reader.getAttributeValue(null, localName);
    }

    /** An attribute of the current start element by namespace and local name, or null. */
    String attribute(String namespace, String localName) {
        return reader.getAttributeValue(namespace, localName);
    }

    /** True when the current start element declares the given namespace URI. */
    boolean declaresNamespace(String uri) {
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            if (uri.equals(reader.getNamespaceURI(i))) {
                return true;
            }
        }
        return false;
    }

    int line() {
        return reader.getLocation().getLineNumber() + lineOffset.getAsInt();
    }

    int column() {
        return reader.getLocation().getColumnNumber();
    }

    /** Reads the text of the current element, descendants' text included, tags dropped. Ends on its end tag. */
    String readText() throws XMLStreamException {
        return read(false, false);
    }

    /**
     * Reads the content of the current element as markup: text as is (it is already HTML source in RSS) or
     * escaped ({@code escapeText}, for Atom XHTML), child elements re-serialized without prefixes.
     */
    String readMarkup(boolean escapeText) throws XMLStreamException {
        return read(true, escapeText);
    }

    /** Skips the current element and everything inside it. */
    void skipElement() throws XMLStreamException {
        int target = depth;
        while (!(next() == XMLStreamConstants.END_ELEMENT && depth == target)) {
            // content of a skipped element is irrelevant
        }
    }

    private String read(boolean markup, boolean escapeText) throws XMLStreamException {
        int target = depth;
        CappedText text = new CappedText(maxTextChars);
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (escapeText) {
                        text.appendEscaped(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    } else {
                        text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    if (markup) {
                        text.appendStartTag(reader);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == target) {
                        if (text.truncated()) {
                            warnings.add(WarningCode.TEXT_TRUNCATED, "text of <" + localName()
                                    + "> longer than " + maxTextChars + " characters was cut", line());
                        }
                        return text.toString();
                    }
                    if (markup && !VOID_ELEMENTS.contains(localName())) {
                        text.appendEndTag(localName());
                    }
                }
                default -> {
                    // comments and processing instructions carry no content
                }
            }
        }
    }
}
