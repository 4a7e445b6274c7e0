package dev.fnbundle.rss.parse;

import dev.fnbundle.rss.model.Entry;
import dev.fnbundle.rss.parse.FeedVocabulary.Field;
import java.net.URI;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Reads one {@code item} or {@code entry} element into an {@link Entry}. Only the entry's direct children are
 * fields (so a nested Atom {@code source} cannot override the entry's title), except Media RSS
 * {@code media:content}, which may sit inside {@code media:group}.
 */
final class EntryReader {

    private final FieldReader fields;
    private final XmlCursor cursor;
    private final WarningCollector warnings;
    private final FeedLimits limits;

    EntryReader(FieldReader fields, WarningCollector warnings, FeedLimits limits) {
        this.fields = fields;
        this.cursor = fields.cursor();
        this.warnings = warnings;
        this.limits = limits;
    }

    /** Reads from the entry's start tag through its end tag. */
    Entry read() throws XMLStreamException {
        EntryBuilder entry = new EntryBuilder(limits.maxListItems(), warnings);
        int entryDepth = cursor.depth();
        String about = cursor.attribute(FeedVocabulary.RDF, "about");
        if (about != null && !about.isBlank()) {
            entry.id.offer(about.strip(), 3);
            entry.link.offer(LinkResolver.resolve(cursor.base(), about).url(), 4);
        }
        while (true) {
            int event = cursor.next();
            if (event == XMLStreamConstants.END_ELEMENT && cursor.depth() == entryDepth) {
                return entry.build(Entry.SUMMARY_MAX_CHARS);
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            Field field = FeedVocabulary.field(cursor.namespace(), cursor.localName());
            if (field == Field.MEDIA_CONTENT) {
                entry.addEnclosure(fields.linkAttribute("url"), cursor.attribute("type"),
                        cursor.attribute("fileSize"), cursor.line());
            } else if (cursor.depth() == entryDepth + 1) {
                readField(field, entry);
            }
        }
    }

    private void readField(Field field, EntryBuilder entry) throws XMLStreamException {
        int line = cursor.line();
        switch (field) {
            case TITLE -> entry.title.offer(fields.plain(), 0);
            case ATOM_TITLE -> entry.title.offer(text(fields.textConstruct()), 1);
            case DC_TITLE -> entry.title.offer(fields.plain(), 2);
            case LINK -> entry.link.offer(fields.linkText(), 0);
            case ATOM_LINK -> atomLink(entry);
            case GUID -> guid(entry);
            case ATOM_ID -> entry.id.offer(fields.raw(), 0);
            case DC_IDENTIFIER -> entry.id.offer(fields.raw(), 2);
            case DESCRIPTION -> entry.summary.offer(fields.html(), 0);
            case ATOM_SUMMARY -> entry.summary.offer(fields.textConstruct(), 1);
            case DC_DESCRIPTION -> entry.summary.offer(fields.html(), 2);
            case CONTENT_ENCODED -> entry.offerContent(fields.html(), 0, cursor.base());
            case ATOM_CONTENT -> atomContent(entry);
            case PUB_DATE, ATOM_PUBLISHED -> entry.published.offer(fields.date(), 0);
            case DC_DATE -> entry.published.offer(fields.date(), 1);
            case TERMS_ISSUED -> entry.published.offer(fields.date(), 2);
            case ATOM_UPDATED -> entry.updated.offer(fields.date(), 0);
            case TERMS_MODIFIED -> entry.updated.offer(fields.date(), 1);
            case DC_CREATOR -> entry.author.offer(fields.plain(), 0);
            case AUTHOR -> entry.author.offer(RssAuthor.displayName(fields.plain()), 1);
            case ATOM_AUTHOR -> entry.author.offer(atomPerson(), 2);
            case CATEGORY, DC_SUBJECT -> entry.addCategory(fields.plain(), line);
            case ATOM_CATEGORY -> entry.addCategory(atomCategory(), line);
            case ENCLOSURE -> {
                entry.addEnclosure(fields.linkAttribute("url"), cursor.attribute("type"), cursor.attribute("length"),
                        line);
                cursor.skipElement();
            }
            default -> {
                // unknown children are walked through; their own children are not direct fields
            }
        }
    }

    private String text(FieldReader.TextValue value) {
        return value == null ? null : value.toText(fields.maxTextChars());
    }

    private void guid(EntryBuilder entry) throws XMLStreamException {
        boolean permaLink = !"false".equalsIgnoreCase(strip(cursor.attribute("isPermaLink")));
        String guid = fields.raw();
        entry.id.offer(guid, 0);
        if (permaLink && entry.link.accepts(2)) {
            // Only an absolute URL counts: many feeds omit isPermaLink="false" on opaque ids like "12345".
            entry.link.offer(LinkResolver.resolve(null, guid).url(), 2);
        }
    }

    private void atomLink(EntryBuilder entry) throws XMLStreamException {
        String rel = strip(cursor.attribute("rel"));
        rel = rel == null ? "alternate" : rel.toLowerCase(Locale.ROOT);
        rel = rel.startsWith("http://www.iana.org/assignments/relation/") ? rel.substring(rel.lastIndexOf('/') + 1)
                : rel;
        String type = cursor.attribute("type");
        String href = fields.linkAttribute("href");
        if (rel.equals("alternate")) {
            boolean page = type == null || type.toLowerCase(Locale.ROOT).contains("html");
            entry.link.offer(href, page ? 1 : 3);
        } else if (rel.equals("enclosure")) {
            entry.addEnclosure(href, type, cursor.attribute("length"), cursor.line());
        }
        cursor.skipElement();
    }

    private void atomContent(EntryBuilder entry) throws XMLStreamException {
        if (cursor.attribute("src") != null) {
            entry.link.offer(fields.linkAttribute("src"), 5);
            cursor.skipElement();
            return;
        }
        URI base = cursor.base();
        entry.offerContent(fields.textConstruct(), 1, base);
    }

    /** An Atom person: the name, else the email. */
    private String atomPerson() throws XMLStreamException {
        int depth = cursor.depth();
        String name = null;
        String email = null;
        while (true) {
            int event = cursor.next();
            if (event == XMLStreamConstants.END_ELEMENT && cursor.depth() == depth) {
                return name != null ? name : email;
            }
            if (event == XMLStreamConstants.START_ELEMENT && cursor.depth() == depth + 1) {
                Field field = FeedVocabulary.field(cursor.namespace(), cursor.localName());
                if (field == Field.ATOM_NAME && name == null) {
                    name = fields.plain();
                } else if (field == Field.ATOM_EMAIL && email == null) {
                    email = fields.plain();
                }
            }
        }
    }

    private String atomCategory() throws XMLStreamException {
        String term = HtmlText.collapse(cursor.attribute("term"), fields.maxTextChars());
        String label = HtmlText.collapse(cursor.attribute("label"), fields.maxTextChars());
        cursor.skipElement();
        return term != null ? term : label;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
