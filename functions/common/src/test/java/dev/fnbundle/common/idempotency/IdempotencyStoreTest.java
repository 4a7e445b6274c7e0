package dev.fnbundle.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.testing.LocalDynamo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Runs against a real DynamoDB Local: the guarantees rest on its conditional writes. */
class IdempotencyStoreTest {
    private static final String TABLE = "idempotency-test";
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void createTable() {
        dynamo = LocalDynamo.client();
        LocalDynamo.createTable(dynamo, TABLE);
    }

    private static final String BODY = "sha-of-body";

    private static IdempotencyStore store(Clock clock) {
        return new IdempotencyStore(dynamo, TABLE, "pk", "sk", Duration.ofSeconds(60), Duration.ofDays(1), clock);
    }

    private static IdempotencyKey key(String key) {
        return new IdempotencyKey("POST /orders", key);
    }

    @Test
    void the_first_call_runs_the_operation_and_later_calls_replay_its_result() {
        var runs = new AtomicInteger();
        var store = store(Clock.systemUTC());

        var first = store.execute(key("order-1"), BODY, () -> "result-" + runs.incrementAndGet());
        var second = store.execute(key("order-1"), BODY, () -> "result-" + runs.incrementAndGet());

        assertThat(first).isEqualTo(new IdempotencyStore.Outcome("result-1", false));
        assertThat(second).isEqualTo(new IdempotencyStore.Outcome("result-1", true));
        assertThat(runs).hasValue(1);
    }

    @Test
    void concurrent_callers_with_one_key_run_the_operation_once() throws Exception {
        var runs = new AtomicInteger();
        var store = store(Clock.systemUTC());
        var start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return store.execute(key("race"), BODY, () -> {
                            runs.incrementAndGet();
                            return "done";
                        }).result();
                    } catch (IdempotencyInProgressException e) {
                        return "in-progress";
                    }
                }));
            }
            start.countDown();
            for (Future<String> outcome : outcomes) {
                assertThat(outcome.get()).isIn("done", "in-progress");
            }
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void a_live_claim_makes_a_second_caller_wait() {
        var store = store(Clock.systemUTC());

        assertThatThrownBy(() -> store.execute(key("nested"), BODY,
                () -> store.execute(key("nested"), BODY, () -> "inner").result()))
                .isInstanceOfSatisfying(IdempotencyInProgressException.class,
                        e -> assertThat(e.claimExpiresAt()).isAfter(Instant.now()));
    }

    @Test
    void the_same_key_with_another_request_is_refused_once_the_first_completed() {
        var store = store(Clock.systemUTC());
        store.execute(key("reused"), "body-a", () -> "a");

        assertThatThrownBy(() -> store.execute(key("reused"), "body-b", () -> "b"))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void the_same_key_with_another_request_is_refused_while_the_first_is_still_running() {
        var store = store(Clock.systemUTC());

        assertThatThrownBy(() -> store.execute(key("reused-early"), "body-a",
                () -> store.execute(key("reused-early"), "body-b", () -> "b").result()))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void the_same_key_in_another_scope_is_another_operation() {
        var store = store(Clock.systemUTC());

        var a = store.execute(new IdempotencyKey("POST /baselines/{name}/audit name=A", "k"), BODY, () -> "A");
        var b = store.execute(new IdempotencyKey("POST /baselines/{name}/audit name=B", "k"), BODY, () -> "B");

        assertThat(a).isEqualTo(new IdempotencyStore.Outcome("A", false));
        assertThat(b).isEqualTo(new IdempotencyStore.Outcome("B", false));
    }

    @Test
    void scope_and_key_cannot_be_shifted_into_each_other() {
        assertThat(new IdempotencyKey("ab", "c").storageId()).isNotEqualTo(new IdempotencyKey("a", "bc").storageId());
        assertThat(new IdempotencyKey("ab", "c").storageId()).hasSize(64);
    }

    @Test
    void a_failed_operation_releases_its_claim_so_a_retry_can_run() {
        var store = store(Clock.systemUTC());

        assertThatThrownBy(() -> store.execute(key("flaky"), BODY, () -> {
            throw new IllegalStateException("downstream failed");
        })).hasMessage("downstream failed");

        assertThat(store.execute(key("flaky"), BODY, () -> "second try").result()).isEqualTo("second try");
    }

    @Test
    void a_claim_past_its_expiry_belongs_to_a_crashed_attempt_and_is_taken_over() {
        var t0 = Instant.parse("2026-01-01T00:00:00Z");
        var crashing = store(Clock.fixed(t0, ZoneOffset.UTC));
        var later = store(Clock.fixed(t0.plus(Duration.ofMinutes(2)), ZoneOffset.UTC));
        var takeover = new AtomicReference<IdempotencyStore.Outcome>();

        // While the first attempt still holds its (now expired) claim, a later attempt runs the operation.
        crashing.execute(key("crash"), BODY, () -> {
            takeover.set(later.execute(key("crash"), BODY, () -> "recovered"));
            return "too late";
        });

        assertThat(takeover.get()).isEqualTo(new IdempotencyStore.Outcome("recovered", false));
        assertThat(later.execute(key("crash"), BODY, () -> "again"))
                .isEqualTo(new IdempotencyStore.Outcome("recovered", true));
    }
}
