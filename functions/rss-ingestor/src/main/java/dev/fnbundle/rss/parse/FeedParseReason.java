package dev.fnbundle.rss.parse;

import java.util.Locale;

/** Why a document could not be read as a feed; the handler answers 422 for all of them except as noted. */
public enum FeedParseReason {
    /** Not well-formed XML, or empty. */
    NOT_XML,
    /** Well-formed XML whose root is not {@code rss}, {@code rdf:RDF} or Atom {@code feed}. */
    NOT_A_FEED,
    /** An HTML page (by DOCTYPE or root element) where a feed was expected. */
    HTML_PAGE,
    /** The document ends before its root element is closed. */
    TRUNCATED,
    /** The bytes are not valid in the document's encoding, or the declared encoding is unknown. */
    ENCODING,
    /** A structural cap was exceeded (element depth, tag size, attribute count, name length); 413 fits too. */
    LIMIT_EXCEEDED;

    /** The snake_case identifier used in problem responses, e.g. {@code not_a_feed}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
