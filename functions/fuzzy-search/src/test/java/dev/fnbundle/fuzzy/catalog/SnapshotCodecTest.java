package dev.fnbundle.fuzzy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.fuzzy.search.CatalogIndex;
import dev.fnbundle.fuzzy.search.CatalogItem;
import dev.fnbundle.fuzzy.search.IndexSnapshot;
import dev.fnbundle.fuzzy.search.Ranker;
import dev.fnbundle.fuzzy.search.SearchQuery;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The snapshot encoding: exact round trips of the items and their index, old snapshots still read, and every damaged
 * or hostile input refused with one exception type.
 */
class SnapshotCodecTest {

    private static List<CatalogEntry> catalog(Random random, int size) {
        String[] words = {"Pro", "max", "café", "日本", "😀", "x200", "", "USB-C cable"};
        List<CatalogEntry> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String text = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
            String fields = random.nextInt(3) == 0 ? null : "{\"n\":" + i + ",\"s\":\"é😀\"}";
            entries.add(new CatalogEntry(String.format("item-%05d-%s", i, words[random.nextInt(5)]), text,
                    random.nextInt(7) == 0 ? "" : fields));
        }
        return entries;
    }

    @Test
    void a_catalog_comes_back_exactly_with_its_version() {
        List<CatalogEntry> entries = catalog(new Random(7), 5_000);

        byte[] snapshot = SnapshotCodec.encode(42, entries);
        SnapshotCodec.Decoded decoded = SnapshotCodec.decode(snapshot);

        assertThat(decoded.version()).isEqualTo(42);
        assertThat(SnapshotCodec.version(snapshot)).isEqualTo(42);
        assertThat(decoded.entries()).isEqualTo(entries);
    }

    @Test
    void an_empty_catalog_and_items_at_the_length_limits_round_trip() {
        String longId = "界".repeat(256);
        String longText = "😀".repeat(2_000);
        var entries = List.of(new CatalogEntry(longId, longText, null), new CatalogEntry("e", "", "{}"));

        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(0, List.of())).entries()).isEmpty();
        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(1, entries)).entries()).isEqualTo(entries);
    }

    @Test
    void every_single_flipped_byte_is_detected() {
        byte[] snapshot = SnapshotCodec.encode(3, catalog(new Random(1), 50));
        for (int i = 0; i < snapshot.length; i++) {
            byte[] damaged = snapshot.clone();
            damaged[i] ^= 0x10;
            // The version bytes are outside the checksum: a flipped version is caught by comparing it instead.
            if (i >= 4 && i < 12) {
                assertThat(SnapshotCodec.decode(damaged).version()).isNotEqualTo(3);
                continue;
            }
            assertThatThrownBy(() -> SnapshotCodec.decode(damaged)).as("byte %d flipped", i)
                    .isInstanceOf(SnapshotCorruptException.class);
        }
    }

    @Test
    void a_truncated_or_extended_snapshot_is_refused() {
        byte[] snapshot = SnapshotCodec.encode(3, catalog(new Random(2), 200));
        for (int length : new int[] {0, 1, 23, 24, 25, snapshot.length / 2, snapshot.length - 1}) {
            assertThatThrownBy(() -> SnapshotCodec.decode(Arrays.copyOf(snapshot, length)))
                    .as("%d bytes", length).isInstanceOf(SnapshotCorruptException.class);
        }
        assertThatThrownBy(() -> SnapshotCodec.decode(Arrays.copyOf(snapshot, snapshot.length + 1)))
                .isInstanceOf(SnapshotCorruptException.class);
        assertThatThrownBy(() -> SnapshotCodec.decode(null)).isInstanceOf(SnapshotCorruptException.class);
    }

    @Test
    void claimed_lengths_beyond_the_limits_are_refused_before_anything_is_allocated() {
        byte[] snapshot = SnapshotCodec.encode(3, catalog(new Random(3), 10));
        byte[] hugeCount = snapshot.clone();
        ByteBuffer.wrap(hugeCount).putInt(12, Integer.MAX_VALUE);
        byte[] hugeBody = snapshot.clone();
        ByteBuffer.wrap(hugeBody).putInt(16, Integer.MAX_VALUE);
        byte[] negativeBody = snapshot.clone();
        ByteBuffer.wrap(negativeBody).putInt(16, -1);

        for (byte[] hostile : List.of(hugeCount, hugeBody, negativeBody)) {
            assertThatThrownBy(() -> SnapshotCodec.decode(hostile)).isInstanceOf(SnapshotCorruptException.class);
        }
    }

    private static CatalogIndex built(List<CatalogEntry> entries) {
        return CatalogIndex.build(entries.stream().map(e -> new CatalogItem(e.id(), e.text())).toList());
    }

    @Test
    void a_snapshot_carries_the_index_of_its_items_and_it_answers_as_a_fresh_build() {
        List<CatalogEntry> entries = catalog(new Random(11), 2_000);
        CatalogIndex fresh = built(entries);

        SnapshotCodec.Decoded decoded = SnapshotCodec.decode(SnapshotCodec.encode(6, entries, fresh));

        assertThat(decoded.index()).isPresent();
        assertThat(decoded.noIndexReason()).isEmpty();
        for (String text : List.of("pro max", "cafe", "usb cable", "x20", "日本", "nothing like it")) {
            for (Ranker ranker : Ranker.values()) {
                SearchQuery query = new SearchQuery(text, 10, 0.2, ranker);
                assertThat(decoded.index().get().search(query)).as("%s", query).isEqualTo(fresh.search(query));
            }
        }
    }

    @Test
    void a_version_1_snapshot_without_an_index_still_gives_its_items_and_says_the_index_must_be_built() {
        List<CatalogEntry> entries = catalog(new Random(12), 300);
        byte[] version1 = SnapshotCodec.encode(SnapshotCodec.MAGIC_ITEMS_ONLY, 8, entries, new byte[0]);

        SnapshotCodec.Decoded decoded = SnapshotCodec.decode(version1);

        assertThat(decoded.version()).isEqualTo(8);
        assertThat(decoded.entries()).isEqualTo(entries);
        assertThat(decoded.index()).isEmpty();
        assertThat(decoded.noIndexReason()).contains("version 1");
    }

    @Test
    void an_index_section_that_cannot_be_used_leaves_the_items_and_says_why() {
        List<CatalogEntry> entries = catalog(new Random(13), 300);
        byte[] index = IndexSnapshot.encode(built(entries));
        byte[] truncated = Arrays.copyOf(index, index.length / 2);
        byte[] ofOtherItems = IndexSnapshot.encode(built(entries.subList(0, 299)));

        for (byte[] unusable : List.of(truncated, ofOtherItems, new byte[0])) {
            SnapshotCodec.Decoded decoded = SnapshotCodec.decode(SnapshotCodec.encode(SnapshotCodec.MAGIC, 4, entries,
                    unusable));
            assertThat(decoded.entries()).isEqualTo(entries);
            assertThat(decoded.index()).isEmpty();
            assertThat(decoded.noIndexReason()).startsWith("stored index unusable");
        }
    }
}
