package dev.fnbundle.rss.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.fetch.PermanentFetchException;
import dev.fnbundle.fetch.SsrfGuard;
import dev.fnbundle.fetch.SsrfRefusedException;
import dev.fnbundle.rss.entries.StoredEntry;
import dev.fnbundle.rss.model.Entry;
import dev.fnbundle.rss.testing.InMemoryEntryStore;
import dev.fnbundle.rss.testing.InMemoryFeedRepository;
import dev.fnbundle.common.testing.MutableClock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final InMemoryFeedRepository feeds = new InMemoryFeedRepository();
    private final InMemoryEntryStore entries = new InMemoryEntryStore(feeds);
    private final SsrfGuard guard = new SsrfGuard(false, host -> switch (host) {
        case "feeds.example.com" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184,
                (byte) 215, 14})};
        case "rebound.example.com" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3})};
        default -> throw new UnknownHostException(host);
    });
    private final FeedService service = new FeedService(feeds, entries, guard, new MutableClock(NOW));

    @Test
    void subscribing_a_url_twice_returns_the_first_subscription_unchanged() {
        var first = service.subscribe("https://feeds.example.com/rss.xml", "Mine");
        var again = service.subscribe("HTTPS://FEEDS.example.com:443/rss.xml#x", "Other title");

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.subscription()).isEqualTo(first.subscription());
        assertThat(first.subscription().fetch().status()).isEqualTo(FetchStatus.PENDING);
        assertThat(first.subscription().fetch().nextAttemptAt()).isEqualTo(NOW);
    }

    @Test
    void a_name_that_resolves_privately_is_refused_with_the_reason() {
        assertThatThrownBy(() -> service.subscribe("https://rebound.example.com/feed", null))
                .isInstanceOfSatisfying(SsrfRefusedException.class, e -> {
                    assertThat(e.why()).isEqualTo(SsrfRefusedException.Why.FORBIDDEN_ADDRESS);
                    assertThat(e.getMessage()).contains("private");
                });
        assertThatThrownBy(() -> service.subscribe("https://nowhere.example.com/feed", null))
                .isInstanceOfSatisfying(PermanentFetchException.class,
                        e -> assertThat(e.reason()).isEqualTo(PermanentFetchException.Reason.UNKNOWN_HOST));
        assertThat(feeds.list(10, null).items()).isEmpty();
    }

    @Test
    void a_deleted_feed_disappears_with_its_entries_and_can_be_subscribed_again() {
        var feed = service.subscribe("https://feeds.example.com/deleted.xml", null).subscription();
        var entry = new Entry("g", "t", null, null, null, null, null, null, List.of(), List.of());
        entries.storeNew(feed.id(), List.of(StoredEntry.of(feed.id(), entry, NOW, 0)));

        assertThat(service.delete(feed.id(), Duration.ofSeconds(1))).isEqualTo(FeedService.Deletion.DELETED);

        assertThatThrownBy(() -> service.get(feed.id())).isInstanceOf(FeedNotFoundException.class);
        assertThatThrownBy(() -> service.items(feed.id(), 10, null)).isInstanceOf(FeedNotFoundException.class);
        assertThatThrownBy(() -> service.delete(feed.id(), Duration.ZERO)).isInstanceOf(FeedNotFoundException.class);
        assertThat(entries.of(feed.id())).isEmpty();
        assertThat(service.subscribe("https://feeds.example.com/deleted.xml", null).created()).isTrue();
    }

    @Test
    void a_url_whose_subscription_is_being_deleted_cannot_be_subscribed_yet() {
        var feed = service.subscribe("https://feeds.example.com/busy.xml", null).subscription();
        feeds.markDeleting(feed.id());

        assertThatThrownBy(() -> service.subscribe("https://feeds.example.com/busy.xml", null))
                .isInstanceOf(FeedBeingDeletedException.class);
        assertThatThrownBy(() -> service.get(feed.id())).isInstanceOf(FeedNotFoundException.class);
    }

    @Test
    void items_since_reach_back_thirty_days_at_most() {
        assertThat(service.itemsSince(NOW.minus(Duration.ofDays(30)), 10, null).items()).isEmpty();
        assertThatThrownBy(() -> service.itemsSince(NOW.minus(Duration.ofDays(31)), 10, null))
                .isInstanceOf(SinceOutOfRangeException.class).hasMessageContaining("30 days");
    }
}
