package dev.fnbundle.rss.model;

import java.util.Objects;

/**
 * A media file attached to an entry (RSS {@code <enclosure>}, Atom {@code link rel="enclosure"},
 * Media RSS {@code <media:content>}).
 *
 * @param url    absolute http(s) URL, never null
 * @param type   MIME type as declared, or null when absent
 * @param length size in bytes as declared, or null when absent or not a non-negative number
 */
public record Enclosure(String url, String type, Long length) {
    /** @throws NullPointerException if {@code url} is null */
    public Enclosure {
        Objects.requireNonNull(url, "url");
    }
}
