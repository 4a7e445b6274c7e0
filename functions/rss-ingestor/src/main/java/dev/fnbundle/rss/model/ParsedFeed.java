package dev.fnbundle.rss.model;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a streaming parse: entries went to the caller's consumer, this carries the rest.
 *
 * @param feed       the feed-level fields, never null
 * @param entryCount how many entries were handed to the consumer
 * @param warnings   tolerated defects in document order (capped), never null
 */
public record ParsedFeed(Feed feed, long entryCount, List<ParseWarning> warnings) {
    /** @throws NullPointerException if {@code feed} or {@code warnings} is null */
    public ParsedFeed {
        Objects.requireNonNull(feed, "feed");
        warnings = List.copyOf(warnings);
    }
}
