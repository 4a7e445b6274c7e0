package dev.fnbundle.rss.testing;

import dev.fnbundle.rss.entries.EntryStore;
import dev.fnbundle.rss.entries.StoredEntry;
import dev.fnbundle.rss.feeds.FeedRepository;
import dev.fnbundle.rss.feeds.Page;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/** Entries in a map keyed by (feed, dedupe key): the first store wins, like the table's claims. */
public final class InMemoryEntryStore implements EntryStore {
    private final Map<String, StoredEntry> entries = new ConcurrentHashMap<>();
    private final FeedRepository feeds;

    /** @param feeds consulted like the table's condition check: no stores for a missing or deleting feed */
    public InMemoryEntryStore(FeedRepository feeds) {
        this.feeds = feeds;
    }

    @Override
    public StoreResult storeNew(String feedId, List<StoredEntry> batch) {
        int stored = 0;
        for (StoredEntry entry : batch) {
            if (feeds.find(feedId).map(f -> f.deleting()).orElse(true)) {
                return new StoreResult(stored, true);
            }
            if (entries.putIfAbsent(feedId + "\n" + entry.dedupeKey(), entry) == null) {
                stored++;
            }
        }
        return new StoreResult(stored, false);
    }

    @Override
    public Page<StoredEntry> listFeed(String feedId, int limit, String nextToken) {
        var all = of(feedId).stream().sorted(Comparator.comparing(StoredEntry::sortAt).reversed()).toList();
        int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }

    @Override
    public Page<StoredEntry> listSince(Instant since, Instant now, int limit, String nextToken) {
        var all = entries.values().stream().filter(e -> e.ingestedAt().isAfter(since))
                .sorted(Comparator.comparing(StoredEntry::ingestedAt)).toList();
        int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }

    @Override
    public boolean purge(String feedId, BooleanSupplier hasTime) {
        entries.keySet().removeIf(key -> key.startsWith(feedId + "\n"));
        return true;
    }

    /** The entries stored for a feed, in no particular order. */
    public List<StoredEntry> of(String feedId) {
        return entries.values().stream().filter(e -> e.feedId().equals(feedId)).toList();
    }
}
