package dev.fnbundle.fuzzy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.fuzzy.catalog.BatchTooLargeException;
import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The import message format: splitting by item count and by SQS's size limit, and decoding with validation. */
class ImportMessagesTest {

    private static List<CatalogEntry> entries(int count, int textLength) {
        return IntStream.range(0, count).mapToObj(i -> new CatalogEntry("id-" + i,
                "é".repeat(textLength), i % 2 == 0 ? "{\"n\":" + i + "}" : null)).toList();
    }

    @Test
    void a_large_import_is_split_into_messages_of_at_most_1000_items_in_order() {
        List<CatalogEntry> entries = entries(2_500, 10);

        List<String> bodies = ImportMessages.bodies("books", "imp-1", entries);

        var decoded = new ArrayList<CatalogEntry>();
        bodies.forEach(body -> decoded.addAll(ImportMessages.read(body).entries()));
        assertThat(bodies).hasSize(3);
        assertThat(ImportMessages.read(bodies.get(2)).entries()).hasSize(500);
        assertThat(ImportMessages.read(bodies.get(0)).catalog()).isEqualTo("books");
        assertThat(ImportMessages.read(bodies.get(0)).importId()).isEqualTo("imp-1");
        assertThat(decoded).isEqualTo(entries);
    }

    @Test
    void long_texts_split_messages_before_they_reach_sqss_256_kib_limit() {
        // 2 000 two-byte characters: about 4 KB per item, so 1 000 items would be 4 MB.
        List<CatalogEntry> entries = entries(1_000, 2_000);

        List<String> bodies = ImportMessages.bodies("books", "imp-2", entries);

        assertThat(bodies).allSatisfy(body -> assertThat(body.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(ImportMessages.MAX_MESSAGE_BYTES + 200));
        assertThat(bodies.stream().mapToInt(b -> ImportMessages.read(b).entries().size()).sum()).isEqualTo(1_000);
        assertThat(bodies.size()).isGreaterThan(15);
    }

    @Test
    void a_message_with_invalid_items_or_too_many_is_refused() {
        assertThatThrownBy(() -> ImportMessages.read("{\"items\": [{\"id\": \"a\"}]}"))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors()).hasSize(2));
        var tooMany = new StringBuilder("{\"catalog\": \"books\", \"items\": [");
        for (int i = 0; i <= 1_000; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"id\": \"").append(i).append("\", \"text\": \"t\"}");
        }
        assertThatThrownBy(() -> ImportMessages.read(tooMany.append("]}").toString()))
                .isInstanceOf(BatchTooLargeException.class);
    }
}
