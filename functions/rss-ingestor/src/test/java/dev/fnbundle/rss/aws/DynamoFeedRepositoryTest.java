package dev.fnbundle.rss.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.rss.feeds.FeedUrl;
import dev.fnbundle.rss.feeds.FetchRecord;
import dev.fnbundle.rss.feeds.FetchStatus;
import dev.fnbundle.rss.feeds.Subscription;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Subscriptions in the feeds table on DynamoDB Local, created exactly as template.yaml declares it. */
class DynamoFeedRepositoryTest {
    private static DynamoFeedRepository repository;
    private final String run = UUID.randomUUID().toString();

    @BeforeAll
    static void provision() {
        var aws = LocalAws.shared();
        String table = aws.provisionTable("FeedsTable");
        repository = new DynamoFeedRepository(aws.dynamoDb(), table,
                PageTokens.inTable(aws.dynamoDb(), table, Clock.systemUTC()));
    }

    private Subscription feed(String path, Instant createdAt) {
        return Subscription.create(FeedUrl.normalize(URI.create("https://" + run + ".example.com" + path)), "T",
                createdAt);
    }

    @Test
    void a_subscription_is_created_once_and_read_back_whole() {
        var feed = feed("/one", Instant.now().truncatedTo(ChronoUnit.MILLIS));

        assertThat(repository.create(feed)).isTrue();
        assertThat(repository.create(feed("/one", Instant.now()))).isFalse();
        assertThat(repository.find(feed.id())).contains(feed);
        assertThat(repository.find("0123456789abcdef0123456f")).isEmpty();
    }

    @Test
    void a_success_keeps_validators_and_feed_fields_and_a_failure_keeps_them_too() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var feed = feed("/state", now);
        repository.create(feed);

        repository.recordFetch(feed.id(), new FetchRecord(FetchStatus.OK, 200, null, 0, now, now, "\"e1\"",
                "Mon, 30 Nov 2026 10:00:00 GMT", "Feed title", "https://site.example.com/", 4));
        var ok = repository.find(feed.id()).orElseThrow();
        repository.recordFetch(feed.id(), FetchRecord.failure(FetchStatus.TRANSIENT_ERROR, 503, "HTTP 503", 1,
                now.plusSeconds(5), now.plus(Duration.ofMinutes(5))));
        var failed = repository.find(feed.id()).orElseThrow();

        assertThat(ok.fetch().etag()).isEqualTo("\"e1\"");
        assertThat(ok.fetch().lastSuccessAt()).isEqualTo(now);
        assertThat(ok.fetch().newEntries()).isEqualTo(4);
        assertThat(ok.feedTitle()).isEqualTo("Feed title");
        assertThat(failed.fetch().status()).isEqualTo(FetchStatus.TRANSIENT_ERROR);
        assertThat(failed.fetch().error()).isEqualTo("HTTP 503");
        assertThat(failed.fetch().errorCount()).isEqualTo(1);
        assertThat(failed.fetch().etag()).isEqualTo("\"e1\"");
        assertThat(failed.fetch().lastSuccessAt()).isEqualTo(now);
        assertThat(failed.fetch().newEntries()).isNull();
        assertThat(failed.fetch().nextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(5)));
        assertThat(failed.feedLink()).isEqualTo("https://site.example.com/");
    }

    @Test
    void only_due_feeds_are_handed_to_the_fan_out_and_a_deleting_feed_is_neither_due_nor_listed() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var due = feed("/due", now.minusSeconds(60));
        var later = feed("/later", now.minusSeconds(60));
        var deleting = feed("/deleting", now.minusSeconds(60));
        List.of(due, later, deleting).forEach(repository::create);
        repository.recordFetch(later.id(), FetchRecord.failure(FetchStatus.HTTP_ERROR, 404, "HTTP 404", 1, now,
                now.plus(Duration.ofHours(1))));
        assertThat(repository.markDeleting(deleting.id())).isTrue();

        var ids = new ArrayList<String>();
        repository.forEachDue(now, 2, ids::addAll);

        assertThat(ids).contains(due.id()).doesNotContain(later.id(), deleting.id()).doesNotHaveDuplicates();
        assertThat(repository.recordFetch(deleting.id(), FetchRecord.failure(FetchStatus.HTTP_ERROR, 404, "x", 1,
                now, now))).isFalse();
        assertThat(repository.find(deleting.id()).orElseThrow().deleting()).isTrue();
        assertThat(repository.markDeleting("0123456789abcdef0123456f")).isFalse();
        var listed = new HashSet<String>();
        String token = null;
        do {
            var page = repository.list(50, token);
            page.items().forEach(f -> listed.add(f.id()));
            token = page.nextToken();
        } while (token != null);
        assertThat(listed).contains(due.id(), later.id()).doesNotContain(deleting.id());
    }

    @Test
    void the_list_pages_in_creation_order_with_tokens_bound_to_it() {
        Instant base = Instant.parse("2000-01-01T00:00:00Z").plusMillis(Math.abs(run.hashCode() % 100_000) * 10L);
        var created = List.of(feed("/p1", base), feed("/p2", base.plusMillis(1)), feed("/p3", base.plusMillis(2)));
        created.forEach(repository::create);

        var first = repository.list(1, null);

        assertThat(first.nextToken()).isNotNull();
        assertThatThrownBy(() -> repository.list(1, "garbage")).isInstanceOf(InvalidFieldsException.class);
        var seen = new ArrayList<String>();
        String token = null;
        do {
            var page = repository.list(2, token);
            page.items().stream().filter(f -> f.url().contains(run)).forEach(f -> seen.add(f.id()));
            token = page.nextToken();
        } while (token != null);
        assertThat(seen).containsSubsequence(created.get(0).id(), created.get(1).id(), created.get(2).id());
    }
}
