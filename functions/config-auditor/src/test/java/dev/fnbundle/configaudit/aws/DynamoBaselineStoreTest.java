package dev.fnbundle.configaudit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.configaudit.semantic.ConfigFormat;
import dev.fnbundle.configaudit.service.BaselineConflictException;
import dev.fnbundle.configaudit.service.BaselineDraft;
import dev.fnbundle.configaudit.service.ReauditStatus;
import dev.fnbundle.embedded.LocalAws;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Baseline versions and optimistic locking on a real DynamoDB Local table provisioned from template.yaml. */
class DynamoBaselineStoreTest {
    private static DynamoBaselineStore store;
    private static String table;

    @BeforeAll
    static void table() {
        var aws = LocalAws.shared();
        table = aws.provisionTable("ConfigAuditTable");
        store = new DynamoBaselineStore(aws.dynamoDb(), table);
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static BaselineDraft draft(String name, String content, URI source) {
        return new BaselineDraft(name, content, ConfigFormat.PROPERTIES, List.of("db.*"), source,
                Instant.parse("2026-11-25T10:00:00Z"), "alice", content.length(), content.lines().count());
    }

    @Test
    void concurrent_approvals_of_the_same_version_have_exactly_one_winner() throws Exception {
        // given
        String name = name("race");
        store.create(draft(name, "a=1\n", null));
        int writers = 8;
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Object>>();
        for (int w = 0; w < writers; w++) {
            String content = "a=" + (w + 2) + "\n";
            tasks.add(() -> {
                start.await();
                try {
                    return store.update(draft(name, content, null), 1);
                } catch (BaselineConflictException e) {
                    return e;
                }
            });
        }
        // when
        List<Object> outcomes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(writers)) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (var f : futures) {
                outcomes.add(f.get());
            }
        }
        // then
        assertThat(outcomes.stream().filter(o -> !(o instanceof BaselineConflictException))).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o instanceof BaselineConflictException)
                .map(o -> ((BaselineConflictException) o).currentVersion())).hasSize(writers - 1).containsOnly(2L);
        assertThat(store.head(name).orElseThrow().version()).isEqualTo(2);
        // and every version is kept: the loser's content was not stored anywhere
        var versions = LocalAws.shared().dynamoDb().query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :v)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("BASELINE#" + name),
                        ":v", AttributeValue.fromS("VERSION#")))).items();
        assertThat(versions).hasSize(2);
    }

    @Test
    void creating_an_existing_baseline_conflicts_with_its_version() {
        String name = name("twice");
        store.create(draft(name, "a=1\n", null));

        assertThatThrownBy(() -> store.create(draft(name, "a=2\n", null)))
                .isInstanceOfSatisfying(BaselineConflictException.class, e -> assertThat(e.currentVersion())
                        .isEqualTo(1L));
        assertThatThrownBy(() -> store.update(draft(name("absent"), "a=2\n", null), 1))
                .isInstanceOfSatisfying(BaselineConflictException.class, e -> assertThat(e.currentVersion())
                        .isNull());
    }

    @Test
    void a_large_incompressible_baseline_is_stored_in_chunks_and_read_back_whole() {
        // given: ~3 MB of random printable text gzip cannot shrink below the inline limit
        var random = new Random(7);
        var text = new StringBuilder();
        while (text.length() < 3_000_000) {
            text.append("k").append(text.length()).append('=');
            for (int i = 0; i < 60; i++) {
                text.append((char) ('!' + random.nextInt(90)));
            }
            text.append('\n');
        }
        String name = name("big");
        // when
        var head = store.create(draft(name, text.toString(), null));
        var read = store.current(name).orElseThrow();
        // then
        assertThat(read.content()).isEqualTo(text.toString());
        assertThat(read.version()).isEqualTo(head.version());
        var item = LocalAws.shared().dynamoDb().getItem(b -> b.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("BASELINE#" + name), "sk", AttributeValue.fromS("VERSION#0000000001"))))
                .item();
        assertThat(Integer.parseInt(item.get("blobChunks").n())).isGreaterThan(1);
        assertThat(item).doesNotContainKey("blob");
    }

    @Test
    void the_sourced_index_lists_baselines_with_a_source_in_name_order_and_forgets_a_removed_source() {
        // given
        String prefix = name("src");
        for (String suffix : List.of("c", "a", "b")) {
            store.create(draft(prefix + "-" + suffix, "a=1\n", URI.create("https://config.example.com/" + suffix)));
        }
        store.create(draft(prefix + "-d", "a=1\n", null));
        store.create(draft(prefix + "-e", "a=1\n", URI.create("https://config.example.com/e")));
        store.update(draft(prefix + "-e", "a=1\n", null), 1);
        // when: pages of two, starting just before the prefix
        var seen = new ArrayList<String>();
        String after = prefix;
        for (List<String> page = store.sourced(after, 2); !page.isEmpty(); page = store.sourced(after, 2)) {
            seen.addAll(page);
            after = page.get(page.size() - 1);
        }
        // then
        assertThat(seen.stream().filter(n -> n.startsWith(prefix))).containsExactly(prefix + "-a", prefix + "-b",
                prefix + "-c");
        assertThat(store.head(prefix + "-e").orElseThrow().sourceUrl()).isNull();
    }

    @Test
    void a_reaudit_outcome_is_recorded_on_the_head_and_kept_by_later_versions() {
        String name = name("status");
        store.create(draft(name, "a=1\n", URI.create("https://config.example.com/x")));
        var status = new ReauditStatus(Instant.parse("2026-11-25T11:00:00Z"), "failed", null, null, null, "HTTP 404");

        store.recordReaudit(name, status);
        store.update(draft(name, "a=2\n", URI.create("https://config.example.com/x")), 1);
        store.recordReaudit(name("unknown"), status);

        var head = store.head(name).orElseThrow();
        assertThat(head.lastReaudit()).isEqualTo(status);
        assertThat(head.version()).isEqualTo(2);
        assertThat(head.createdAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(head.updatedBy()).isEqualTo("alice");
    }
}
