package dev.fnbundle.rss;

import dev.fnbundle.rss.entries.ResponseBudget;
import dev.fnbundle.rss.model.Entry;
import dev.fnbundle.rss.model.Feed;
import dev.fnbundle.rss.model.FeedPreview;
import dev.fnbundle.rss.model.ParseWarning;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@code POST /feeds/parse}: the normalized feed, its entries in document order, whether the list
 * stops short of the document ({@code truncated}: more entries than asked for, or than one answer can carry) and
 * the defects that were tolerated.
 */
record PreviewView(Feed feed, int entryCount, boolean truncated, List<Entry> entries, List<ParseWarning> warnings) {

    static PreviewView of(FeedPreview preview) {
        var budget = new ResponseBudget();
        var kept = new ArrayList<Entry>();
        for (Entry entry : preview.entries()) {
            if (!budget.admit(ResponseBudget.of(entry))) {
                break;
            }
            kept.add(entry);
        }
        boolean cut = kept.size() < preview.entries().size();
        return new PreviewView(preview.feed(), kept.size(), preview.truncated() || cut, kept, preview.warnings());
    }
}
