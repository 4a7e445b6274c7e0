package dev.fnbundle.rss.model;

import dev.fnbundle.common.crypto.Digests;
import java.time.Instant;
import java.util.List;

/**
 * One item of a feed in the normalized model. Absent fields are null (never the string "null", never blank);
 * lists are never null.
 *
 * @param id          the entry's own identifier (RSS {@code guid}, Atom {@code id}, RSS 1.0 {@code rdf:about})
 * @param title       plain text, whitespace collapsed
 * @param link        absolute http(s) URL of the entry's page
 * @param published   first publication in UTC
 * @param updated     last change in UTC
 * @param author      a display name (or the address when no name is given)
 * @param summary     plain text, whitespace collapsed, at most {@link #SUMMARY_MAX_CHARS} code points
 * @param content     sanitized HTML with absolute URLs, or null when the feed carries no full content
 * @param categories  category labels in document order
 * @param enclosures  attached media, deduplicated by URL
 */
public record Entry(String id, String title, String link, Instant published, Instant updated, String author,
                    String summary, String content, List<String> categories, List<Enclosure> enclosures) {

    /**
     * The summary cap, the seed tutorial's {@code re.sub(r"<[^>]+>", "", description)[:200].strip()}: the first
     * 200 characters (code points, as Python slices), no ellipsis, trailing space stripped. Unlike the seed, the
     * HTML is really converted to text (entities decoded, script bodies dropped) and whitespace runs are collapsed
     * before the cut, so the two agree exactly on single-spaced inline HTML and ours is cleaner elsewhere.
     */
    public static final int SUMMARY_MAX_CHARS = 200;

    /** Identifiers and links longer than this are hashed in {@link #dedupeKey()} to keep keys storable. */
    static final int MAX_RAW_KEY_CHARS = 256;

    /** Copies the lists; null lists become empty. */
    public Entry {
        categories = categories == null ? List.of() : List.copyOf(categories);
        enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
    }

    /**
     * The identity used to store an entry once: {@code "id:" + id} when the entry has an id, else
     * {@code "link:" + link}, else {@code "hash:" + hex(SHA-256(title NUL summary NUL published))} with absent
     * parts as empty strings. An id or link longer than 256 characters is replaced by the hex SHA-256 of its
     * UTF-8 bytes after the prefix ({@code "id:sha256:..."}), so keys stay short enough for a database key.
     *
     * @return a non-blank key, stable for the same entry across fetches; O(length of the used fields)
     */
    public String dedupeKey() {
        if (id != null) {
            return keyOf("id:", id);
        }
        if (link != null) {
            return keyOf("link:", link);
        }
        String basis = nullToEmpty(title) + '\0' + nullToEmpty(summary) + '\0'
                + (published == null ? "" : published.toString());
        return "hash:" + Digests.sha256Hex(basis);
    }

    private static String keyOf(String prefix, String value) {
        return value.length() <= MAX_RAW_KEY_CHARS ? prefix + value : prefix + "sha256:" + Digests.sha256Hex(value);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
