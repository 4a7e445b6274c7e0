package dev.fnbundle.rss.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The feed-level fields of a document. Every field but {@code format} is null when the feed does not carry it;
 * text is never the string "null" and never blank.
 *
 * @param format   the dialect the document was written in, never null
 * @param title    channel or feed title as plain text
 * @param link     absolute URL of the site the feed belongs to
 * @param subtitle channel description or Atom subtitle as plain text
 * @param language language tag as declared ({@code <language>}, {@code dc:language} or Atom {@code xml:lang})
 * @param updated  last change of the feed in UTC
 */
public record Feed(FeedFormat format, String title, String link, String subtitle, String language,
                   Instant updated) {
    /** @throws NullPointerException if {@code format} is null */
    public Feed {
        Objects.requireNonNull(format, "format");
    }
}
