package dev.fnbundle.rss.model;

import java.util.List;
import java.util.Objects;

/**
 * A whole feed held in memory, for answering one request: at most a capped number of entries.
 *
 * @param feed      the feed-level fields, never null
 * @param entries   entries in document order, never null
 * @param truncated true when the document had more entries than the cap and reading stopped there
 * @param warnings  tolerated defects in document order (capped), never null
 */
public record FeedPreview(Feed feed, List<Entry> entries, boolean truncated, List<ParseWarning> warnings) {
    /** @throws NullPointerException if any component is null */
    public FeedPreview {
        Objects.requireNonNull(feed, "feed");
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }
}
