package dev.fnbundle.rss.entries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.rss.model.Enclosure;
import dev.fnbundle.rss.model.Entry;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredEntryTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String FEED = "0123456789abcdef01234567";

    private static Entry entry(String id, Instant published, Instant updated) {
        return new Entry(id, "Title", "https://example.com/" + id, published, updated, null, "summary", null,
                List.of(), List.of());
    }

    @Test
    void entries_sort_by_published_else_updated_else_ingestion_time_minus_their_position() {
        Instant published = Instant.parse("2026-11-30T08:00:00Z");
        Instant updated = Instant.parse("2026-11-30T09:00:00Z");

        assertThat(StoredEntry.of(FEED, entry("a", published, updated), NOW, 0).sortAt()).isEqualTo(published);
        assertThat(StoredEntry.of(FEED, entry("b", null, updated), NOW, 0).sortAt()).isEqualTo(updated);
        assertThat(StoredEntry.of(FEED, entry("c", null, null), NOW, 0).sortAt()).isEqualTo(NOW);
        assertThat(StoredEntry.of(FEED, entry("d", null, null), NOW, 3).sortAt()).isEqualTo(NOW.minusMillis(3));
    }

    @Test
    void dates_in_the_future_or_before_1970_are_clamped() {
        assertThat(StoredEntry.of(FEED, entry("f", Instant.parse("2099-01-01T00:00:00Z"), null), NOW, 0).sortAt())
                .isEqualTo(NOW);
        assertThat(StoredEntry.of(FEED, entry("p", Instant.parse("1900-01-01T00:00:00Z"), null), NOW, 0).sortAt())
                .isEqualTo(Instant.EPOCH);
    }

    @Test
    void the_entry_id_follows_the_dedupe_key_so_it_is_stable_across_fetches() {
        var first = StoredEntry.of(FEED, entry("guid-1", null, null), NOW, 0);
        var again = StoredEntry.of(FEED, entry("guid-1", Instant.parse("2026-11-01T00:00:00Z"), null),
                NOW.plusSeconds(3600), 5);

        assertThat(first.dedupeKey()).isEqualTo("id:guid-1");
        assertThat(first.entryId()).isEqualTo(again.entryId()).matches("[0-9a-f]{32}");
    }

    @Test
    void oversized_fields_are_capped_so_an_item_stays_far_below_400_kb() {
        String hugeContent = "<p>" + "x".repeat(StoredEntry.MAX_CONTENT_BYTES) + "</p>";
        String longTitle = "t".repeat(999) + "\uD83D\uDE00" + "tail";
        var enclosures = Collections.nCopies(30, new Enclosure("https://cdn.example.com/a.mp3", "audio/mpeg", 1L));
        var categories = Collections.nCopies(50, "c".repeat(500));
        var big = new Entry("id-" + "i".repeat(2000), longTitle, "https://example.com/" + "l".repeat(3000), null,
                null, "a".repeat(400), "summary", hugeContent, categories, enclosures);

        var stored = StoredEntry.of(FEED, big, NOW, 0);

        assertThat(stored.content()).isNull();
        assertThat(stored.contentOmitted()).isTrue();
        assertThat(stored.summary()).isEqualTo("summary");
        assertThat(stored.title()).hasSize(999);
        assertThat(stored.guid()).isNull();
        assertThat(stored.dedupeKey()).startsWith("id:sha256:");
        assertThat(stored.link()).isNull();
        assertThat(stored.author()).hasSize(300);
        assertThat(stored.categories()).hasSize(20).allMatch(c -> c.length() == 200);
        assertThat(stored.enclosures()).hasSize(10);
        assertThat(ResponseBudget.of(stored)).isLessThan(30_000);
    }

    @Test
    void content_within_the_cap_is_kept() {
        var entry = new Entry("k", "T", null, null, null, null, null, "<p>caf\u00e9</p>", List.of(), List.of());

        assertThat(StoredEntry.of(FEED, entry, NOW, 0).content()).isEqualTo("<p>caf\u00e9</p>");
    }
}
