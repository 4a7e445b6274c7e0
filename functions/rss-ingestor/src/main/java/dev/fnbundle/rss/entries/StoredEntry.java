package dev.fnbundle.rss.entries;

import dev.fnbundle.common.crypto.Digests;
import dev.fnbundle.rss.model.Enclosure;
import dev.fnbundle.rss.model.Entry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An entry as stored for one feed: the parsed fields within storage caps, its identity and its ordering time.
 *
 * <p>Ordering ({@code sortAt}) is the entry's published date, else its updated date, else the ingestion time minus
 * its position in the document in milliseconds (so undated entries keep the feed's own newest-first order); a date
 * in the future is clamped to the ingestion time (so a bogus "2099" entry cannot sit on top forever) and one
 * before 1970 to 1970. Caps keep one item far below DynamoDB's 400 KB: content above {@link #MAX_CONTENT_BYTES}
 * UTF-8 bytes is dropped ({@code contentOmitted}; the summary remains), long texts are cut, lists shortened.
 *
 * @param feedId         the feed it belongs to
 * @param entryId        32 hex digits of SHA-256 of the dedupe key: stable across fetches
 * @param dedupeKey      {@link Entry#dedupeKey()}: id, else link, else content hash
 * @param guid           the entry's own id (RSS guid, Atom id), or null
 * @param contentOmitted true when the feed carried content too large to store
 * @param sortAt         the ordering time described above
 * @param ingestedAt     when this store first saw the entry
 */
public record StoredEntry(String feedId, String entryId, String dedupeKey, String guid, String title, String link,
                          Instant published, Instant updated, String author, String summary, String content,
                          boolean contentOmitted, List<String> categories, List<Enclosure> enclosures,
                          Instant sortAt, Instant ingestedAt) {
    /** Content longer than this (UTF-8 bytes) is not stored. */
    public static final int MAX_CONTENT_BYTES = 64 * 1024;
    static final int MAX_TITLE_CHARS = 1000;
    static final int MAX_AUTHOR_CHARS = 300;
    static final int MAX_URL_CHARS = 2048;
    static final int MAX_GUID_CHARS = 1024;
    static final int MAX_CATEGORIES = 20;
    static final int MAX_CATEGORY_CHARS = 200;
    static final int MAX_ENCLOSURES = 10;
    static final int MAX_TYPE_CHARS = 100;
    private static final Instant EPOCH = Instant.EPOCH;

    /** Copies the lists. */
    public StoredEntry {
        Objects.requireNonNull(feedId, "feedId");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(sortAt, "sortAt");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        categories = categories == null ? List.of() : List.copyOf(categories);
        enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
    }

    /**
     * The storable form of a parsed entry first seen at {@code ingestedAt}.
     *
     * @param position the entry's 0-based position in the document
     */
    public static StoredEntry of(String feedId, Entry entry, Instant ingestedAt, int position) {
        String key = entry.dedupeKey();
        boolean omit = entry.content() != null
                && entry.content().getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES;
        return new StoredEntry(feedId, entryIdOf(key), key, capOrNull(entry.id(), MAX_GUID_CHARS),
                cut(entry.title(), MAX_TITLE_CHARS), capOrNull(entry.link(), MAX_URL_CHARS), entry.published(),
                entry.updated(), cut(entry.author(), MAX_AUTHOR_CHARS), entry.summary(),
                omit ? null : entry.content(), omit, categories(entry.categories()),
                enclosures(entry.enclosures()), sortTime(entry, ingestedAt, position), ingestedAt);
    }

    /** The stable id of the entry with this dedupe key. */
    public static String entryIdOf(String dedupeKey) {
        return Digests.sha256Hex(dedupeKey).substring(0, 32);
    }

    /** Published, else updated, else ingestion time minus position ms; clamped into [1970, ingestedAt]. */
    static Instant sortTime(Entry entry, Instant ingestedAt, int position) {
        Instant at = entry.published() != null ? entry.published()
                : entry.updated() != null ? entry.updated() : ingestedAt.minusMillis(position);
        if (at.isAfter(ingestedAt)) {
            return ingestedAt;
        }
        return at.isBefore(EPOCH) ? EPOCH : at;
    }

    private static List<String> categories(List<String> categories) {
        var kept = new ArrayList<String>();
        for (String category : categories) {
            if (kept.size() == MAX_CATEGORIES) {
                break;
            }
            kept.add(cut(category, MAX_CATEGORY_CHARS));
        }
        return kept;
    }

    private static List<Enclosure> enclosures(List<Enclosure> enclosures) {
        var kept = new ArrayList<Enclosure>();
        for (Enclosure enclosure : enclosures) {
            if (kept.size() == MAX_ENCLOSURES) {
                break;
            }
            if (enclosure.url().length() <= MAX_URL_CHARS) {
                kept.add(new Enclosure(enclosure.url(), capOrNull(enclosure.type(), MAX_TYPE_CHARS),
                        enclosure.length()));
            }
        }
        return kept;
    }

    /** The value when it fits, else null: a cut URL or id would be wrong, not shorter. */
    private static String capOrNull(String value, int max) {
        return value == null || value.length() > max ? null : value;
    }

    /** At most {@code max} chars, never splitting a surrogate pair. */
    static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
