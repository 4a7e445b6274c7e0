package dev.fnbundle.rss.model;

import java.util.Locale;

/** Kinds of tolerated defects a parse reports instead of failing. */
public enum WarningCode {
    /** A DOCTYPE was present; it was skipped without reading any declaration or external reference. */
    DOCTYPE_IGNORED,
    /** An HTML named entity such as {@code &nbsp;} was used without a DTD; it was replaced by its character. */
    HTML_ENTITY,
    /** An {@code &} did not start a known entity; it was kept as a literal character. */
    BARE_AMPERSAND,
    /** A {@code <} in text could not start markup (e.g. {@code a < b}); it was kept as a literal character. */
    BARE_LESS_THAN,
    /** A character that XML forbids (control character or invalid character reference) was dropped. */
    INVALID_CHARACTER,
    /** Whitespace before the XML declaration was skipped. */
    LEADING_WHITESPACE,
    /** The HTTP charset and the document's own declaration disagreed; the document's won. */
    CHARSET_MISMATCH,
    /** A date could not be read; the field was left absent. */
    BAD_DATE,
    /** A date had no time zone; UTC was assumed. */
    DATE_ZONE_ASSUMED,
    /** A URL was malformed, relative without a base, or not http(s); the field was left absent. */
    BAD_URL,
    /** A text node was longer than the cap; the rest was dropped. */
    TEXT_TRUNCATED,
    /** Per-entry lists (categories, enclosures) exceeded their cap; the rest were dropped. */
    LIST_TRUNCATED,
    /** An element's content could not be used as declared (e.g. Atom content of an unsupported type). */
    UNSUPPORTED_CONTENT,
    /** More entries than the preview cap; reading stopped there. */
    ENTRIES_CAPPED,
    /** More warnings than the cap; the rest were counted, not listed. */
    WARNINGS_CAPPED;

    /** The snake_case identifier used in JSON, e.g. {@code html_entity}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
