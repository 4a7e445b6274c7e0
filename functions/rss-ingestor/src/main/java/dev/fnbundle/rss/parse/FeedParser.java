package dev.fnbundle.rss.parse;

import dev.fnbundle.rss.model.Entry;
import dev.fnbundle.rss.model.Feed;
import dev.fnbundle.rss.model.FeedPreview;
import dev.fnbundle.rss.model.ParsedFeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0 (and 0.3) documents into the normalized model in one streaming
 * pass: memory is bounded by the {@link FeedLimits} and one entry at a time, whatever the document size.
 *
 * <p>Secure by construction: DTDs are dropped unread before the XML parser sees the document, so no entity can be
 * declared or expanded (no XXE, no billion laughs) and nothing external is ever loaded; element depth, tag size
 * and per-field text are capped. Real-world defects with one clearly right reading (HTML entities without a DTD, a
 * bare {@code &}, control characters, unparseable dates, bad URLs, junk after the root element) are tolerated and
 * reported as warnings. Thread-safe: a parser holds no per-parse state.
 */
public final class FeedParser {
    private final FeedLimits limits;

    /** A parser with {@link FeedLimits#defaults()}. */
    public FeedParser() {
        this(FeedLimits.defaults());
    }

    /** @throws NullPointerException if {@code limits} is null */
    public FeedParser(FeedLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Streams every entry of a feed to {@code consumer} in document order, each as soon as it is complete.
     *
     * @param in          the document bytes; read to the root's end tag, not closed
     * @param charsetHint the HTTP charset, or null; used only when the document declares none
     * @param baseUri     the feed's URL for resolving relative links, or null
     * @param consumer    receives each entry; exceptions it throws propagate and end the parse
     * @return the feed-level fields, the number of entries and the warnings
     * @throws FeedParseException   when the input cannot be read as a feed (reason and position inside)
     * @throws UncheckedIOException when reading {@code in} fails
     */
    public ParsedFeed parse(InputStream in, Charset charsetHint, URI baseUri, Consumer<Entry> consumer) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(consumer, "consumer");
        WarningCollector warnings = new WarningCollector(limits.maxWarnings());
        Run run = run(in, charsetHint, baseUri, consumer, Long.MAX_VALUE, warnings);
        return new ParsedFeed(run.feed(), run.entryCount(), warnings.toList());
    }

    /**
     * Reads a feed into memory with at most {@code maxEntries} entries (itself capped by
     * {@link FeedLimits#maxPreviewEntries()}); reading stops at the first entry past the cap.
     *
     * @throws IllegalArgumentException if {@code maxEntries} is negative
     * @throws FeedParseException       as for {@link #parse}
     */
    public FeedPreview preview(InputStream in, Charset charsetHint, URI baseUri, int maxEntries) {
        Objects.requireNonNull(in, "in");
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative, was " + maxEntries);
        }
        WarningCollector warnings = new WarningCollector(limits.maxWarnings());
        List<Entry> entries = new ArrayList<>();
        int cap = Math.min(maxEntries, limits.maxPreviewEntries());
        Run run = run(in, charsetHint, baseUri, entries::add, cap, warnings);
        return new FeedPreview(run.feed(), entries, run.truncated(), warnings.toList());
    }

    private record Run(Feed feed, long entryCount, boolean truncated) {
    }

    private Run run(InputStream in, Charset hint, URI baseUri, Consumer<Entry> sink, long maxEntries,
                    WarningCollector warnings) {
        FeedCharsetDetector.Decoded decoded = FeedCharsetDetector.open(in, hint, warnings);
        XmlRepairReader repair = new XmlRepairReader(decoded.reader(), warnings, limits.maxTagChars(),
                decoded.charset().name());
        FeedWalker walker = null;
        XMLStreamReader xml = null;
        try {
            xml = HardenedStax.factory().createXMLStreamReader(repair);
            XmlCursor cursor = new XmlCursor(xml, baseUri, limits, warnings, repair::lineOffset);
            walker = new FeedWalker(new FieldReader(cursor, warnings, limits), warnings, limits, sink, maxEntries);
            Feed feed = walker.walk();
            return new Run(feed, walker.entryCount(), walker.truncated());
        } catch (XMLStreamException e) {
            throw failure(e, repair, walker != null && walker.rootStarted());
        } finally {
            closeQuietly(xml);
        }
    }

    private static RuntimeException failure(XMLStreamException e, XmlRepairReader repair, boolean rootStarted) {
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof CharacterCodingException) {
            return new FeedParseException(FeedParseReason.ENCODING, "bytes that are not valid in the document's "
                    + "encoding", repair.line(), 0, e);
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        Location location = e.getLocation();
        int line = location == null ? repair.line() : location.getLineNumber() + repair.lineOffset();
        int column = location == null ? 0 : location.getColumnNumber();
        String detail = parserMessage(e);
        if (repair.looksLikeHtml()) {
            return new FeedParseException(FeedParseReason.HTML_PAGE, "an HTML page, not a feed", line, column, e);
        }
        if (!repair.sawMarkup()) {
            return new FeedParseException(FeedParseReason.NOT_XML, "the document is empty or contains no XML markup",
                    line, column, e);
        }
        if (rootStarted && repair.eofReached() && line >= repair.lastContentLine()) {
            return new FeedParseException(FeedParseReason.TRUNCATED,
                    "the document ends before its root element is closed", line, column, e);
        }
        return new FeedParseException(FeedParseReason.NOT_XML, "not well-formed XML: " + detail, line, column, e);
    }

    /**
     * The parser's own sentence without the position it appends (line and column are reported apart), cut to 200
     * characters: it names elements and characters but never quotes the document's text.
     */
    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("\n at [row,col");
        String detail = (at >= 0 ? message.substring(0, at) : message).strip();
        return detail.length() > 200 ? detail.substring(0, 200) : detail;
    }

    private static void closeQuietly(XMLStreamReader xml) {
        if (xml == null) {
            return;
        }
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing a StAX reader releases parser state only; the stream belongs to the caller
        }
    }
}
