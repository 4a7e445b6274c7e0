package dev.fnbundle.common.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.testing.LocalDynamo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Against a real DynamoDB Local: creation and rotation rest on its conditional writes. */
class DynamoPageKeyStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final DynamoDbClient DYNAMO = LocalDynamo.client();
    private static final Map<String, AttributeValue> LAST_KEY = Map.of("pk", AttributeValue.fromS("x"));
    private static int tables;

    private static String newTable() {
        String table = "page-keys-" + (++tables);
        LocalDynamo.createTable(DYNAMO, table);
        return table;
    }

    private static DynamoPageKeyStore store(String table, Instant now) {
        return new DynamoPageKeyStore(DYNAMO, table, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void the_first_load_creates_one_key_and_later_loads_return_it() {
        String table = newTable();

        PageKeyRing first = store(table, T0).load();
        PageKeyRing again = store(table, T0.plus(Duration.ofDays(1))).load();

        assertThat(first.previous()).isEmpty();
        assertThat(first.current().createdAt()).isEqualTo(T0);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void concurrent_cold_starts_agree_on_one_key() throws Exception {
        String table = newTable();
        var start = new CountDownLatch(1);
        List<Future<PageKeyRing>> rings = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                rings.add(pool.submit(() -> {
                    start.await();
                    return store(table, T0).load();
                }));
            }
            start.countDown();
            PageKeyRing first = rings.get(0).get();
            for (Future<PageKeyRing> ring : rings) {
                assertThat(ring.get()).isEqualTo(first);
            }
        }
    }

    @Test
    void an_aged_key_is_rotated_and_kept_for_verification() {
        String table = newTable();
        PageKey original = store(table, T0).load().current();

        PageKeyRing rotated = store(table, T0.plus(Duration.ofDays(30))).load();

        assertThat(rotated.current()).isNotEqualTo(original);
        assertThat(rotated.current().createdAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(rotated.previous()).containsExactly(original);
        assertThat(rotated.find(original.id())).contains(original);
    }

    @Test
    void only_the_two_newest_retired_keys_still_verify() {
        String table = newTable();
        var ids = new ArrayList<String>();
        for (int month = 0; month < 4; month++) {
            ids.add(store(table, T0.plus(Duration.ofDays(31L * month))).load().current().id());
        }

        PageKeyRing ring = store(table, T0.plus(Duration.ofDays(31L * 3))).load();

        assertThat(ring.current().id()).isEqualTo(ids.get(3));
        assertThat(ring.previous()).extracting(PageKey::id).containsExactly(ids.get(2), ids.get(1));
    }

    @Test
    void tokens_survive_a_rotation_made_by_another_instance() {
        String table = newTable();
        String token = new PageTokens(store(table, T0)).encode("s", LAST_KEY);

        var after = new PageTokens(store(table, T0.plus(Duration.ofDays(40))));

        assertThat(after.decode("s", token)).isEqualTo(LAST_KEY);
        assertThat(after.encode("s", LAST_KEY)).doesNotStartWith(token.substring(0, token.indexOf('.') + 1));
    }
}
