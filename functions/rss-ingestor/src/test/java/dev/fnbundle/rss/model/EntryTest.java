package dev.fnbundle.rss.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryTest {
    private static final Instant WHEN = Instant.parse("2024-01-05T10:00:00Z");

    private static Entry entry(String id, String link, String title, String summary, Instant published) {
        return new Entry(id, title, link, published, null, null, summary, null, null, null);
    }

    @Test
    void the_id_is_the_key_when_present() {
        assertThat(entry("urn:1", "https://x/1", "t", "s", WHEN).dedupeKey()).isEqualTo("id:urn:1");
    }

    @Test
    void the_link_is_the_key_without_an_id() {
        assertThat(entry(null, "https://x/1", "t", "s", WHEN).dedupeKey()).isEqualTo("link:https://x/1");
    }

    @Test
    void a_content_hash_is_the_key_without_id_or_link_and_it_is_stable() {
        Entry a = entry(null, null, "Title", "Summary", WHEN);
        Entry same = entry(null, null, "Title", "Summary", WHEN);
        Entry other = entry(null, null, "Title", "Summary!", WHEN);

        assertThat(a.dedupeKey()).startsWith("hash:").hasSize("hash:".length() + 64).isEqualTo(same.dedupeKey());
        assertThat(other.dedupeKey()).isNotEqualTo(a.dedupeKey());
    }

    @Test
    void field_boundaries_are_part_of_the_hash() {
        assertThat(entry(null, null, "ab", "c", null).dedupeKey())
                .isNotEqualTo(entry(null, null, "a", "bc", null).dedupeKey());
    }

    @Test
    void long_ids_are_hashed_to_keep_keys_storable() {
        String longId = "x".repeat(1000);

        String key = entry(longId, null, null, null, null).dedupeKey();

        assertThat(key).startsWith("id:sha256:").hasSize("id:sha256:".length() + 64);
    }

    @Test
    void lists_are_never_null_and_immutable() {
        Entry e = entry(null, null, null, null, null);

        assertThat(e.categories()).isEmpty();
        assertThat(e.enclosures()).isEmpty();
        assertThat(new Entry(null, null, null, null, null, null, null, null, List.of("a"), List.of()).categories())
                .isUnmodifiable();
    }
}
