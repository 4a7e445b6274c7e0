package dev.fnbundle.rss;

import dev.fnbundle.rss.entries.StoredEntry;
import dev.fnbundle.rss.model.Enclosure;
import java.time.Instant;
import java.util.List;

/**
 * A stored entry as the API shows it: {@code id} is stable for the entry within its feed, {@code guid} is the
 * feed's own identifier for it; {@code contentOmitted} says the feed's content was too large to keep.
 */
record EntryView(String id, String feedId, String guid, String title, String link, Instant published,
                 Instant updated, String author, String summary, String content, boolean contentOmitted,
                 List<String> categories, List<Enclosure> enclosures, Instant ingestedAt) {

    static EntryView of(StoredEntry e) {
        return new EntryView(e.entryId(), e.feedId(), e.guid(), e.title(), e.link(), e.published(), e.updated(),
                e.author(), e.summary(), e.content(), e.contentOmitted(), e.categories(), e.enclosures(),
                e.ingestedAt());
    }
}
