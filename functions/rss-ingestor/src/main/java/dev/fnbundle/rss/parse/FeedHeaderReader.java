package dev.fnbundle.rss.parse;

import dev.fnbundle.rss.model.Feed;
import dev.fnbundle.rss.model.FeedFormat;
import dev.fnbundle.rss.parse.FeedVocabulary.Field;
import java.time.Instant;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;

/**
 * Reads the feed-level fields: the children of RSS {@code channel} or of the Atom {@code feed} root. Feed fields
 * may come after the entries (RSS allows it), so the feed is only built at the end.
 */
final class FeedHeaderReader {
    private final FieldReader fields;
    private final FeedFormat format;
    private final Ranked<String> title = new Ranked<>();
    private final Ranked<String> link = new Ranked<>();
    private final Ranked<String> subtitle = new Ranked<>();
    private final Ranked<String> language = new Ranked<>();
    private final Ranked<Instant> updated = new Ranked<>();

    FeedHeaderReader(FieldReader fields, FeedFormat format) {
        this.fields = fields;
        this.format = format;
    }

    /** Records the root's {@code xml:lang}, Atom's way of stating the feed language. */
    void rootLanguage(String xmlLang) {
        language.offer(xmlLang == null || xmlLang.isBlank() ? null : xmlLang.strip(), 2);
    }

    /** Reads one direct child of the channel or feed element; unknown ones are left for the caller to walk. */
    void read(Field field) throws XMLStreamException {
        XmlCursor cursor = fields.cursor();
        int cap = fields.maxTextChars();
        switch (field) {
            case TITLE -> title.offer(fields.plain(), 0);
            case ATOM_TITLE -> title.offer(text(fields.textConstruct(), cap), 1);
            case LINK -> link.offer(fields.linkText(), 0);
            case ATOM_LINK -> {
                String rel = cursor.attribute("rel");
                if (rel == null || rel.strip().toLowerCase(Locale.ROOT).equals("alternate")) {
                    String type = cursor.attribute("type");
                    boolean page = type == null || type.toLowerCase(Locale.ROOT).contains("html");
                    link.offer(fields.linkAttribute("href"), page ? 1 : 2);
                }
                cursor.skipElement();
            }
            case DESCRIPTION -> subtitle.offer(text(fields.html(), cap), 0);
            case ATOM_SUBTITLE -> subtitle.offer(text(fields.textConstruct(), cap), 1);
            case DC_DESCRIPTION -> subtitle.offer(text(fields.html(), cap), 2);
            case LANGUAGE -> language.offer(fields.plain(), 0);
            case DC_LANGUAGE -> language.offer(fields.plain(), 1);
            case LAST_BUILD_DATE, ATOM_UPDATED -> updated.offer(fields.date(), 0);
            case DC_DATE, TERMS_MODIFIED -> updated.offer(fields.date(), 1);
            case PUB_DATE -> updated.offer(fields.date(), 2);
            default -> {
                // image, textInput, cloud, generator, ... carry nothing the model keeps
            }
        }
    }

    private static String text(FieldReader.TextValue value, int cap) {
        return value == null ? null : value.toText(cap);
    }

    Feed build() {
        return new Feed(format, title.get(), link.get(), subtitle.get(), language.get(), updated.get());
    }
}
