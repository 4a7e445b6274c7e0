package dev.fnbundle.rss.testing;

import dev.fnbundle.rss.feeds.FeedRepository;
import dev.fnbundle.rss.feeds.FetchRecord;
import dev.fnbundle.rss.feeds.FetchState;
import dev.fnbundle.rss.feeds.Page;
import dev.fnbundle.rss.feeds.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Subscriptions in a map, with the repository contract's semantics (tokens are list offsets). */
public final class InMemoryFeedRepository implements FeedRepository {
    private final Map<String, Subscription> feeds = new ConcurrentHashMap<>();

    @Override
    public boolean create(Subscription subscription) {
        return feeds.putIfAbsent(subscription.id(), subscription) == null;
    }

    @Override
    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(feeds.get(id));
    }

    @Override
    public Page<Subscription> list(int limit, String nextToken) {
        var live = feeds.values().stream().filter(f -> !f.deleting())
                .sorted(Comparator.comparing(Subscription::createdAt).thenComparing(Subscription::id)).toList();
        int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
        int to = Math.min(live.size(), from + limit);
        return new Page<>(live.subList(from, to), to < live.size() ? Integer.toString(to) : null);
    }

    @Override
    public void forEachDue(Instant now, int pageSize, Consumer<List<String>> batch) {
        var due = new ArrayList<String>();
        feeds.values().stream().filter(f -> !f.deleting() && !f.fetch().nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing((Subscription f) -> f.fetch().nextAttemptAt()))
                .forEach(f -> due.add(f.id()));
        for (int from = 0; from < due.size(); from += pageSize) {
            batch.accept(List.copyOf(due.subList(from, Math.min(due.size(), from + pageSize))));
        }
    }

    @Override
    public boolean recordFetch(String id, FetchRecord r) {
        Subscription[] written = new Subscription[1];
        feeds.computeIfPresent(id, (key, f) -> {
            if (f.deleting()) {
                return f;
            }
            FetchState old = f.fetch();
            boolean ok = r.status().isSuccess();
            var fetch = new FetchState(r.status(), r.httpStatus(), ok ? null : r.error(), r.errorCount(),
                    r.fetchedAt(), ok ? r.fetchedAt() : old.lastSuccessAt(), r.nextAttemptAt(),
                    ok ? r.etag() : old.etag(), ok ? r.lastModified() : old.lastModified(), r.newEntries());
            written[0] = new Subscription(f.id(), f.url(), f.title(), f.createdAt(),
                    r.feedTitle() != null ? r.feedTitle() : f.feedTitle(),
                    r.feedLink() != null ? r.feedLink() : f.feedLink(), fetch, false);
            return written[0];
        });
        return written[0] != null;
    }

    @Override
    public boolean markDeleting(String id) {
        return feeds.computeIfPresent(id, (key, f) -> new Subscription(f.id(), f.url(), f.title(), f.createdAt(),
                f.feedTitle(), f.feedLink(), f.fetch(), true)) != null;
    }

    @Override
    public void delete(String id) {
        feeds.remove(id);
    }

    /** Replaces a subscription as is, e.g. to set a fetch state. */
    public void put(Subscription subscription) {
        feeds.put(subscription.id(), subscription);
    }
}
