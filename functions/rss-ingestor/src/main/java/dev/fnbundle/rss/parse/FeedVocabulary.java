package dev.fnbundle.rss.parse;

import java.util.Locale;
import java.util.Map;

/**
 * The elements the parser understands, by namespace: RSS 0.9x/2.0 (no namespace, matched case-insensitively
 * because feeds write {@code pubdate}), RSS 1.0 and 0.90, Atom 1.0 and 0.3, Dublin Core, DC terms,
 * {@code content:encoded} and Media RSS. Everything else is {@link Field#OTHER}.
 */
final class FeedVocabulary {
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RSS_1_0 = "http://purl.org/rss/1.0/";
    static final String RSS_0_90 = "http://my.netscape.com/rdf/simple/0.9/";
    static final String RSS_USERLAND = "http://backend.userland.com/rss2";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ATOM_0_3 = "http://purl.org/atom/ns#";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DC_TERMS = "http://purl.org/dc/terms/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String MEDIA = "http://search.yahoo.com/mrss/";

    /** What an element means, whatever namespace it came from. */
    enum Field {
        CHANNEL, ITEM, ENTRY, TITLE, LINK, DESCRIPTION, GUID, PUB_DATE, LAST_BUILD_DATE, AUTHOR, CATEGORY,
        ENCLOSURE, LANGUAGE, DC_CREATOR, DC_DATE, DC_SUBJECT, DC_DESCRIPTION, DC_TITLE, DC_IDENTIFIER,
        DC_LANGUAGE, TERMS_MODIFIED, TERMS_ISSUED, CONTENT_ENCODED, MEDIA_CONTENT, ATOM_ID, ATOM_TITLE,
        ATOM_LINK, ATOM_PUBLISHED, ATOM_UPDATED, ATOM_AUTHOR, ATOM_SUMMARY, ATOM_CONTENT, ATOM_CATEGORY,
        ATOM_SUBTITLE, ATOM_NAME, ATOM_EMAIL, OTHER
    }

    private static final Map<String, Field> RSS = Map.ofEntries(
            Map.entry("channel", Field.CHANNEL), Map.entry("item", Field.ITEM), Map.entry("title", Field.TITLE),
            Map.entry("link", Field.LINK), Map.entry("description", Field.DESCRIPTION),
            Map.entry("guid", Field.GUID), Map.entry("pubdate", Field.PUB_DATE),
            Map.entry("lastbuilddate", Field.LAST_BUILD_DATE), Map.entry("author", Field.AUTHOR),
            Map.entry("category", Field.CATEGORY), Map.entry("enclosure", Field.ENCLOSURE),
            Map.entry("language", Field.LANGUAGE));
    private static final Map<String, Field> ATOM_FIELDS = Map.ofEntries(
            Map.entry("entry", Field.ENTRY), Map.entry("id", Field.ATOM_ID), Map.entry("title", Field.ATOM_TITLE),
            Map.entry("link", Field.ATOM_LINK), Map.entry("published", Field.ATOM_PUBLISHED),
            Map.entry("issued", Field.ATOM_PUBLISHED), Map.entry("updated", Field.ATOM_UPDATED),
            Map.entry("modified", Field.ATOM_UPDATED), Map.entry("author", Field.ATOM_AUTHOR),
            Map.entry("summary", Field.ATOM_SUMMARY), Map.entry("content", Field.ATOM_CONTENT),
            Map.entry("category", Field.ATOM_CATEGORY), Map.entry("subtitle", Field.ATOM_SUBTITLE),
            Map.entry("tagline", Field.ATOM_SUBTITLE), Map.entry("name", Field.ATOM_NAME),
            Map.entry("email", Field.ATOM_EMAIL));
    private static final Map<String, Field> DC_FIELDS = Map.of(
            "creator", Field.DC_CREATOR, "date", Field.DC_DATE, "subject", Field.DC_SUBJECT,
            "description", Field.DC_DESCRIPTION, "title", Field.DC_TITLE, "identifier", Field.DC_IDENTIFIER,
            "language", Field.DC_LANGUAGE);
    private static final Map<String, Field> TERMS_FIELDS = Map.of(
            "modified", Field.TERMS_MODIFIED, "issued", Field.TERMS_ISSUED, "created", Field.TERMS_ISSUED);

    private FeedVocabulary() {
    }

    /** The meaning of an element; never null. */
    static Field field(String namespace, String localName) {
        Field field = switch (namespace) {
            case "", RSS_1_0, RSS_0_90, RSS_USERLAND -> rss(localName);
            case ATOM, ATOM_0_3 -> ATOM_FIELDS.get(localName);
            case DC -> DC_FIELDS.get(localName);
            case DC_TERMS -> TERMS_FIELDS.get(localName);
            case CONTENT -> localName.equals("encoded") ? Field.CONTENT_ENCODED : null;
            case MEDIA, "http://search.yahoo.com/mrss" -> localName.equals("content") ? Field.MEDIA_CONTENT : null;
            default -> null;
        };
        return field == null ? Field.OTHER : field;
    }

    private static Field rss(String localName) {
        switch (localName) {
            case "pubDate":
                return Field.PUB_DATE;
            case "lastBuildDate":
                return Field.LAST_BUILD_DATE;
            default:
                Field field = RSS.get(localName);
                return field != null ? field : RSS.get(localName.toLowerCase(Locale.ROOT));
        }
    }
}
