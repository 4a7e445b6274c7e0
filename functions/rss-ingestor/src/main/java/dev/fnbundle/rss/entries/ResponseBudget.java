package dev.fnbundle.rss.entries;

import dev.fnbundle.rss.model.Enclosure;
import dev.fnbundle.rss.model.Entry;
import java.util.List;

/**
 * Keeps list answers within Lambda's 6 MB response payload. The JSON body travels inside the response envelope as
 * an escaped string, so it may grow again there; pages therefore stop at {@link #MAX_BYTES} of JSON. Sizes are
 * estimates from above: UTF-8 bytes plus the escape characters JSON adds, plus a fixed allowance per field.
 */
public final class ResponseBudget {
    /** JSON bytes of the items one answer carries at most (at least one item is always allowed). */
    public static final long MAX_BYTES = 2_000_000;
    private static final int FIELD_OVERHEAD = 24;

    private long used;

    /** Whether an item of {@code bytes} still fits; the first item always does. Counts it when it fits. */
    public boolean admit(long bytes) {
        if (used > 0 && used + bytes > MAX_BYTES) {
            return false;
        }
        used += bytes;
        return true;
    }

    /** The estimated JSON size of a stored entry. */
    public static long of(StoredEntry entry) {
        return 400 + size(entry.title()) + size(entry.link()) + size(entry.guid()) + size(entry.author())
                + size(entry.summary()) + size(entry.content()) + size(entry.categories(), entry.enclosures());
    }

    /** The estimated JSON size of a parsed entry (a preview shows parsed entries). */
    public static long of(Entry entry) {
        return 400 + size(entry.title()) + size(entry.link()) + size(entry.id()) + size(entry.author())
                + size(entry.summary()) + size(entry.content()) + size(entry.categories(), entry.enclosures());
    }

    /** The estimated JSON size of an entry's categories and enclosures. */
    private static long size(List<String> categories, List<Enclosure> enclosures) {
        long size = 0;
        for (String category : categories) {
            size += size(category);
        }
        for (Enclosure enclosure : enclosures) {
            size += size(enclosure.url()) + size(enclosure.type()) + 3L * FIELD_OVERHEAD;
        }
        return size;
    }

    /** UTF-8 bytes of {@code text} as a JSON string, escapes included, plus the field's name and punctuation. */
    static long size(String text) {
        if (text == null) {
            return FIELD_OVERHEAD;
        }
        long bytes = FIELD_OVERHEAD;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                bytes += 2;
            } else if (c < 0x20) {
                bytes += 6;
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                // a surrogate pair is 4 bytes in UTF-8: 2 per half
                bytes += 2;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
