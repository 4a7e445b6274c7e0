package dev.fnbundle.rss.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.fetch.SsrfGuard;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.rss.entries.EntryStore;
import dev.fnbundle.rss.entries.ResponseBudget;
import dev.fnbundle.rss.entries.StoredEntry;
import dev.fnbundle.rss.feeds.FeedNotFoundException;
import dev.fnbundle.rss.feeds.FeedService;
import dev.fnbundle.rss.feeds.FeedUrl;
import dev.fnbundle.rss.feeds.Subscription;
import dev.fnbundle.rss.model.Enclosure;
import dev.fnbundle.rss.model.Entry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Entries and dedupe claims on DynamoDB Local: exactly-once under races, ordering, paging, purge. */
class DynamoEntryStoreTest {
    private static DynamoEntryStore store;
    private static DynamoFeedRepository feeds;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(8);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void provision() {
        var aws = LocalAws.shared();
        String feedsTable = aws.provisionTable("FeedsTable");
        var tokens = PageTokens.inTable(aws.dynamoDb(), feedsTable, Clock.systemUTC());
        feeds = new DynamoFeedRepository(aws.dynamoDb(), feedsTable, tokens);
        store = new DynamoEntryStore(aws.dynamoDb(), aws.provisionTable("FeedEntriesTable"), feedsTable, tokens);
    }

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    private String feed() {
        var feed = Subscription.create(FeedUrl.normalize(URI.create("https://" + UUID.randomUUID()
                + ".example.com/feed")), null, now);
        feeds.create(feed);
        return feed.id();
    }

    private static Entry entry(String guid, Instant published) {
        return new Entry(guid, "Title " + guid, "https://example.com/" + guid, published, null, "Author",
                "Summary of " + guid, "<p>" + guid + "</p>", List.of("news", "java"),
                List.of(new Enclosure("https://cdn.example.com/" + guid + ".mp3", "audio/mpeg", 42L)));
    }

    private List<StoredEntry> stored(String feedId, Instant ingestedAt, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> StoredEntry.of(feedId,
                entry("g" + i, Instant.parse("2024-11-01T00:00:00Z").plus(Duration.ofHours(i))), ingestedAt,
                to - i)).toList();
    }

    private List<StoredEntry> all(String feedId, int pageSize) {
        var all = new ArrayList<StoredEntry>();
        String token = null;
        do {
            var page = store.listFeed(feedId, pageSize, token);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    @Test
    void an_entry_is_stored_once_and_read_back_field_for_field() {
        String feedId = feed();
        var entries = stored(feedId, now, 1, 3);

        var first = store.storeNew(feedId, entries);
        var again = store.storeNew(feedId, stored(feedId, now.plusSeconds(3600), 1, 4));

        assertThat(first).isEqualTo(new EntryStore.StoreResult(3, false));
        assertThat(again).isEqualTo(new EntryStore.StoreResult(1, false));
        var read = all(feedId, 10);
        assertThat(read).hasSize(4);
        assertThat(read.get(1)).isEqualTo(entries.get(2));
    }

    @Test
    void overlapping_stores_of_the_same_entries_store_each_exactly_once() {
        String feedId = feed();
        var futures = new ArrayList<CompletableFuture<EntryStore.StoreResult>>();
        for (int run = 0; run < 6; run++) {
            Instant ingestedAt = now.plusMillis(run);
            futures.add(CompletableFuture.supplyAsync(() -> store.storeNew(feedId, stored(feedId, ingestedAt, 1,
                    10)), POOL));
        }

        int total = futures.stream().map(CompletableFuture::join).mapToInt(EntryStore.StoreResult::stored).sum();

        assertThat(total).isEqualTo(10);
        assertThat(all(feedId, 100)).hasSize(10).extracting(StoredEntry::guid).doesNotHaveDuplicates();
    }

    @Test
    void repeated_keys_within_one_document_count_once() {
        String feedId = feed();
        var twice = List.of(StoredEntry.of(feedId, entry("same", null), now, 0),
                StoredEntry.of(feedId, entry("same", null), now, 1));

        assertThat(store.storeNew(feedId, twice).stored()).isEqualTo(1);
    }

    @Test
    void a_feeds_entries_page_newest_first_and_undated_ones_keep_document_order() {
        String feedId = feed();
        store.storeNew(feedId, stored(feedId, now, 1, 5));
        var undated = List.of(StoredEntry.of(feedId, entry("u-top", null), now, 0),
                StoredEntry.of(feedId, entry("u-next", null), now, 1));
        store.storeNew(feedId, undated);

        var first = store.listFeed(feedId, 3, null);
        var rest = all(feedId, 3);

        assertThat(first.items()).extracting(StoredEntry::guid).containsExactly("u-top", "u-next", "g5");
        assertThat(rest).extracting(StoredEntry::guid).containsExactly("u-top", "u-next", "g5", "g4", "g3", "g2",
                "g1");
        assertThatThrownBy(() -> store.listFeed(feed(), 3, first.nextToken()))
                .isInstanceOf(InvalidFieldsException.class);
    }

    @Test
    void pages_of_large_entries_stay_within_the_response_budget_and_resume_without_loss() {
        String feedId = feed();
        String content = "<p>" + "x".repeat(60_000) + "</p>";
        var big = IntStream.range(0, 40).mapToObj(i -> StoredEntry.of(feedId, new Entry("big-" + i, "t", null,
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i), null, null, null, content, List.of(),
                List.of()), now.plusMillis(i), 0)).toList();
        store.storeNew(feedId, big);

        // DynamoDB ends a query page at 1 MB; the cross-day query keeps reading until the budget stops it.
        var first = store.listSince(now.minusMillis(1), now.plusSeconds(1), 100, null);
        var mine = first.items().stream().filter(e -> e.feedId().equals(feedId)).toList();

        assertThat(mine.size()).isBetween(20, 39);
        assertThat(first.items().stream().mapToLong(ResponseBudget::of).sum())
                .isLessThanOrEqualTo(ResponseBudget.MAX_BYTES);
        var since = new ArrayList<StoredEntry>(first.items());
        String token = first.nextToken();
        while (token != null) {
            var page = store.listSince(now.minusMillis(1), now.plusSeconds(1), 100, token);
            since.addAll(page.items());
            token = page.nextToken();
        }
        assertThat(since.stream().filter(e -> e.feedId().equals(feedId)).map(StoredEntry::guid).toList())
                .isEqualTo(big.stream().map(StoredEntry::guid).toList());
        assertThat(all(feedId, 100)).hasSize(40).extracting(StoredEntry::guid).doesNotHaveDuplicates();
    }

    @Test
    void items_since_a_time_come_from_every_feed_across_day_buckets_oldest_first() {
        String a = feed();
        String b = feed();
        Instant threeDaysAgo = now.minus(Duration.ofDays(3));
        Instant yesterday = now.minus(Duration.ofDays(1));
        store.storeNew(a, List.of(StoredEntry.of(a, entry("old", null), threeDaysAgo, 0)));
        store.storeNew(b, List.of(StoredEntry.of(b, entry("b1", null), yesterday, 0)));
        store.storeNew(a, List.of(StoredEntry.of(a, entry("a1", null), yesterday.plusSeconds(1), 0)));
        store.storeNew(b, List.of(StoredEntry.of(b, entry("b2", null), now, 0)));
        Instant since = threeDaysAgo.plusSeconds(1);

        var seen = new ArrayList<String>();
        String token = null;
        do {
            var page = store.listSince(since, now.plusSeconds(1), 1, token);
            page.items().stream().filter(e -> e.feedId().equals(a) || e.feedId().equals(b))
                    .forEach(e -> seen.add(e.guid()));
            token = page.nextToken();
        } while (token != null);

        assertThat(seen).containsExactly("b1", "a1", "b2");
        assertThatThrownBy(() -> store.listSince(now, now, 1, "bm90LWEtdG9rZW4"))
                .isInstanceOf(InvalidFieldsException.class);
    }

    @Test
    void nothing_can_be_stored_once_a_feed_is_being_deleted_and_the_purge_removes_everything() {
        String feedId = feed();
        store.storeNew(feedId, stored(feedId, now, 1, 60));
        feeds.markDeleting(feedId);

        var refused = store.storeNew(feedId, stored(feedId, now, 61, 62));
        boolean firstPass = store.purge(feedId, () -> false);
        boolean done = store.purge(feedId, () -> true);

        assertThat(refused).isEqualTo(new EntryStore.StoreResult(0, true));
        assertThat(firstPass).isFalse();
        assertThat(done).isTrue();
        assertThat(all(feedId, 100)).isEmpty();
        feeds.delete(feedId);
        assertThat(store.storeNew(feedId, stored(feedId, now, 1, 1)).feedGone()).isTrue();
    }

    @Test
    void a_delete_that_runs_out_of_time_hides_the_feed_at_once_and_is_finished_by_repeating_it() {
        var service = new FeedService(feeds, store, new SsrfGuard(false), Clock.systemUTC());
        String feedId = feed();
        store.storeNew(feedId, stored(feedId, now, 1, 60));

        var first = service.delete(feedId, Duration.ZERO);

        assertThat(first).isEqualTo(FeedService.Deletion.IN_PROGRESS);
        assertThatThrownBy(() -> service.get(feedId)).isInstanceOf(FeedNotFoundException.class);
        assertThat(service.delete(feedId, Duration.ofSeconds(10))).isEqualTo(FeedService.Deletion.DELETED);
        assertThat(feeds.find(feedId)).isEmpty();
        assertThat(all(feedId, 100)).isEmpty();
    }
}
