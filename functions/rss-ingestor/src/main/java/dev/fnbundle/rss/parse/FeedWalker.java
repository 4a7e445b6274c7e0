package dev.fnbundle.rss.parse;

import dev.fnbundle.rss.model.Entry;
import dev.fnbundle.rss.model.Feed;
import dev.fnbundle.rss.model.FeedFormat;
import dev.fnbundle.rss.model.WarningCode;
import dev.fnbundle.rss.parse.FeedVocabulary.Field;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Walks a document once: recognizes the dialect from the root element, hands each entry to the consumer as soon
 * as its end tag is read, and collects the feed-level fields. Reading stops at the root's end tag, so junk after
 * the document is ignored.
 */
final class FeedWalker {
    private final XmlCursor cursor;
    private final FieldReader fields;
    private final WarningCollector warnings;
    private final FeedLimits limits;
    private final Consumer<Entry> sink;
    private final long maxEntries;
    private long entryCount;
    private boolean truncated;
    private boolean rootStarted;

    FeedWalker(FieldReader fields, WarningCollector warnings, FeedLimits limits, Consumer<Entry> sink,
               long maxEntries) {
        this.cursor = fields.cursor();
        this.fields = fields;
        this.warnings = warnings;
        this.limits = limits;
        this.sink = sink;
        this.maxEntries = maxEntries;
    }

    long entryCount() {
        return entryCount;
    }

    boolean truncated() {
        return truncated;
    }

    boolean rootStarted() {
        return rootStarted;
    }

    Feed walk() throws XMLStreamException {
        FeedFormat format = readRoot();
        boolean atom = format == FeedFormat.ATOM_1_0 || format == FeedFormat.ATOM_0_3;
        Field entryField = atom ? Field.ENTRY : Field.ITEM;
        FeedHeaderReader header = new FeedHeaderReader(fields, format);
        EntryReader entries = new EntryReader(fields, warnings, limits);
        header.rootLanguage(cursor.attribute(XMLConstants.XML_NS_URI, "lang"));
        int headerDepth = atom ? 1 : -1;
        while (true) {
            int event = cursor.next();
            if (event == XMLStreamConstants.END_ELEMENT && cursor.depth() == 1) {
                return header.build();
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            Field field = FeedVocabulary.field(cursor.namespace(), cursor.localName());
            if (field == entryField) {
                if (entryCount >= maxEntries) {
                    truncated = true;
                    warnings.add(WarningCode.ENTRIES_CAPPED, "more than " + maxEntries
                            + " entries; reading stopped there", cursor.line());
                    return header.build();
                }
                sink.accept(entries.read());
                entryCount++;
            } else if (!atom && field == Field.CHANNEL && headerDepth < 0) {
                headerDepth = cursor.depth();
            } else if (cursor.depth() == headerDepth + 1) {
                header.read(field);
            }
        }
    }

    private FeedFormat readRoot() throws XMLStreamException {
        while (cursor.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog: comments, processing instructions, whitespace
        }
        rootStarted = true;
        String local = cursor.localName();
        String namespace = cursor.namespace();
        if (local.equalsIgnoreCase("html")) {
            throw new FeedParseException(FeedParseReason.HTML_PAGE, "an HTML page, not a feed", cursor.line(),
                    cursor.column());
        }
        if (local.equalsIgnoreCase("rss")) {
            String version = cursor.attribute("version");
            return version != null && version.strip().startsWith("0.9") ? FeedFormat.RSS_0_9X : FeedFormat.RSS_2_0;
        }
        if (local.equals("RDF") && namespace.equals(FeedVocabulary.RDF)) {
            return cursor.declaresNamespace(FeedVocabulary.RSS_0_90) ? FeedFormat.RSS_0_9X : FeedFormat.RSS_1_0;
        }
        if (local.equals("feed") && namespace.equals(FeedVocabulary.ATOM)) {
            return FeedFormat.ATOM_1_0;
        }
        if (local.equals("feed") && namespace.equals(FeedVocabulary.ATOM_0_3)) {
            return FeedFormat.ATOM_0_3;
        }
        String shown = local.length() > 64 ? local.substring(0, 64) : local;
        throw new FeedParseException(FeedParseReason.NOT_A_FEED, "root element <" + shown
                + "> is not rss, rdf:RDF or an Atom feed", cursor.line(), cursor.column());
    }
}
