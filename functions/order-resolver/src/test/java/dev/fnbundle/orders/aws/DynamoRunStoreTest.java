package dev.fnbundle.orders.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.orders.graph.GraphBuilder;
import dev.fnbundle.orders.graph.GraphRequest;
import dev.fnbundle.orders.runs.DispatchInProgressException;
import dev.fnbundle.orders.runs.NodeNotReadyException;
import dev.fnbundle.orders.runs.NodeStatus;
import dev.fnbundle.orders.runs.RunNotFoundException;
import dev.fnbundle.orders.runs.RunService;
import dev.fnbundle.orders.runs.RunSnapshot;
import dev.fnbundle.orders.runs.TaskDispatcher;
import dev.fnbundle.orders.runs.UnknownRunNodeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The durable-run guarantees, on a real DynamoDB Local table provisioned from template.yaml. */
class DynamoRunStoreTest {
    private static DynamoDbClient dynamo;
    private static String table;
    private static DynamoRunStore store;
    private final List<String> dispatched = Collections.synchronizedList(new ArrayList<>());
    /*
     * The run clock starts at the real time: the table has the template's TTL, and DynamoDB Local deletes items
     * whose ttl (run time + one day of retention) lies before the wall clock, about a second after they are
     * written. A fixed date turns into items vanishing mid-test once that date is more than a day old.
     * Truncated to whole seconds so that leases (kept in milliseconds) are exact durations from it.
     */
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @BeforeAll
    static void table() {
        var aws = LocalAws.shared();
        dynamo = aws.dynamoDb();
        table = aws.provisionTable("OrdersTable");
        store = new DynamoRunStore(dynamo, table, Duration.ofDays(1), Duration.ofSeconds(60));
    }

    private RunService service(TaskDispatcher dispatcher) {
        return new RunService(store, dispatcher, () -> UUID.randomUUID().toString(), clock, 10_000);
    }

    private RunService service() {
        return service((runId, nodes, auto) -> dispatched.addAll(nodes));
    }

    private static GraphRequest graph(Map<String, List<String>> nodes) {
        var builder = new GraphBuilder();
        nodes.forEach(builder::add);
        return new GraphRequest(builder.build(), false, Map.of());
    }

    /** A graph in the order given: node, its dependencies, node, its dependencies, ... */
    private static GraphRequest graph(Object... nodeThenDependencies) {
        var nodes = new java.util.LinkedHashMap<String, List<String>>();
        for (int i = 0; i < nodeThenDependencies.length; i += 2) {
            @SuppressWarnings("unchecked")
            var dependencies = (List<String>) nodeThenDependencies[i + 1];
            nodes.put((String) nodeThenDependencies[i], dependencies);
        }
        return graph(nodes);
    }

    @Test
    void a_run_goes_wave_by_wave_to_the_end_like_graphlib() {
        var runs = service();
        var started = runs.start(graph("deploy", List.of("build", "test"), "build", List.of("setup"),
                "test", List.of("setup"), "setup", List.of()));

        var first = runs.complete(started.runId(), List.of("setup"));
        runs.complete(started.runId(), List.of("build"));
        var last = runs.complete(started.runId(), List.of("test"));
        var end = runs.complete(started.runId(), List.of("deploy"));

        assertThat(started.ready()).containsExactly("setup");
        assertThat(first.ready()).containsExactlyInAnyOrder("build", "test");
        assertThat(last.ready()).containsExactly("deploy");
        assertThat(end.isActive()).isFalse();
        RunSnapshot run = runs.status(started.runId());
        assertThat(run.nodes()).allSatisfy(node -> {
            assertThat(node.status()).isEqualTo(NodeStatus.DONE);
            assertThat(node.dispatchCount()).isEqualTo(1);
        });
    }

    @Test
    void racing_completions_dispatch_the_joining_node_exactly_once() throws Exception {
        var runs = service();
        var nodes = new java.util.LinkedHashMap<String, List<String>>();
        var parts = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            parts.add("part" + i);
            nodes.put("part" + i, List.of());
        }
        nodes.put("join", parts);
        for (int round = 0; round < 5; round++) {
            dispatched.clear();
            String runId = runs.start(graph(nodes)).runId();
            var start = new CountDownLatch(1);
            List<Future<RunService.Completion>> completions = new ArrayList<>();
            try (var pool = Executors.newFixedThreadPool(8)) {
                for (String part : parts) {
                    completions.add(pool.submit(() -> {
                        start.await();
                        return runs.complete(runId, List.of(part));
                    }));
                }
                start.countDown();
                for (var completion : completions) {
                    completion.get();
                }
            }

            assertThat(dispatched.stream().filter("join"::equals)).as("round " + round).hasSize(1);
            assertThat(runs.status(runId).nodes().getLast().dispatchCount()).isEqualTo(1);
            assertThat(runs.status(runId).doneCount()).as("every racing completion counted").isEqualTo(8);
        }
    }

    @Test
    void completing_the_same_node_twice_at_once_dispatches_its_successor_once() throws Exception {
        var runs = service();
        String runId = runs.start(graph("b", List.of("a"), "a", List.of())).runId();
        var start = new CountDownLatch(1);
        var outcomes = Collections.synchronizedList(new ArrayList<String>());
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                pool.submit(() -> {
                    start.await();
                    try {
                        runs.complete(runId, List.of("a"));
                        outcomes.add("ok");
                    } catch (NodeNotReadyException | DispatchInProgressException e) {
                        outcomes.add("409");
                    }
                    return null;
                });
            }
            start.countDown();
        }

        assertThat(outcomes).contains("ok");
        assertThat(dispatched.stream().filter("b"::equals)).hasSize(1);
        assertThat(runs.status(runId).doneCount()).isEqualTo(1);
    }

    @Test
    void a_completion_whose_dispatch_failed_is_repaired_by_completing_again() {
        var failOnce = new AtomicBoolean(true);
        var runs = service((runId, nodes, auto) -> {
            if (nodes.contains("b") && failOnce.getAndSet(false)) {
                throw new IllegalStateException("queue unavailable");
            }
            dispatched.addAll(nodes);
        });
        String runId = runs.start(graph("b", List.of("a"), "a", List.of())).runId();

        assertThatThrownBy(() -> runs.complete(runId, List.of("a"))).hasMessage("queue unavailable");
        clock.advance(Duration.ofSeconds(15));
        assertThatThrownBy(() -> runs.complete(runId, List.of("a")))
                .as("another caller may still be dispatching within the lease: retry after it, not 'nothing ready'")
                .isInstanceOfSatisfying(DispatchInProgressException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(e.dispatched()).isEmpty();
                });
        assertThat(runs.status(runId).isActive()).isTrue();
        clock.advance(Duration.ofMinutes(2));
        var repaired = runs.complete(runId, List.of("a"));

        assertThat(repaired.ready()).containsExactly("b");
        assertThat(dispatched).containsExactly("a", "b");
        assertThat(runs.status(runId).doneCount()).isEqualTo(1);
        assertThatThrownBy(() -> runs.complete(runId, List.of("a"))).isInstanceOf(NodeNotReadyException.class);
    }

    @Test
    void a_call_held_up_by_one_lease_finishes_none_of_its_nodes_so_that_the_same_call_settles_later() {
        var failOnce = new AtomicBoolean(true);
        var runs = service((runId, nodes, auto) -> {
            if (nodes.contains("b") && failOnce.getAndSet(false)) {
                throw new IllegalStateException("queue unavailable");
            }
            dispatched.addAll(nodes);
        });
        String runId = runs.start(graph("b", List.of("a"), "d", List.of("c"), "a", List.of(), "c", List.of()))
                .runId();
        assertThatThrownBy(() -> runs.complete(runId, List.of("a"))).hasMessage("queue unavailable");

        assertThatThrownBy(() -> runs.complete(runId, List.of("a", "c")))
                .isInstanceOfSatisfying(DispatchInProgressException.class,
                        e -> assertThat(e.dispatched()).as("sent now, reported now").containsExactly("d"));
        assertThat(runs.status(runId).doneCount()).isZero();
        clock.advance(Duration.ofMinutes(2));
        var settled = runs.complete(runId, List.of("a", "c"));

        assertThat(settled.ready()).containsExactly("b");
        assertThat(runs.status(runId).doneCount()).isEqualTo(2);
        assertThat(dispatched).containsExactly("a", "c", "d", "b");
        assertThat(runs.status(runId).nodes()).extracting(RunSnapshot.Node::dispatchCount)
                .containsExactly(1, 1, 1, 1);
    }

    @Test
    void nothing_changes_when_any_node_of_a_call_is_pending_unknown_or_repeated() {
        var runs = service();
        String runId = runs.start(graph("b", List.of("a"), "a", List.of(), "c", List.of())).runId();

        assertThatThrownBy(() -> runs.complete(runId, List.of("a", "b"))).isInstanceOf(NodeNotReadyException.class);
        assertThatThrownBy(() -> runs.complete(runId, List.of("a", "zz"))).isInstanceOf(UnknownRunNodeException.class);
        assertThatThrownBy(() -> runs.complete(runId, List.of("a", "a"))).isInstanceOf(NodeNotReadyException.class);
        assertThat(runs.status(runId).doneCount()).isZero();
        assertThat(runs.status(runId).nodes()).extracting(RunSnapshot.Node::status)
                .containsExactly(NodeStatus.PENDING, NodeStatus.READY, NodeStatus.READY);
        assertThatThrownBy(() -> runs.complete("no-such-run", List.of("a"))).isInstanceOf(RunNotFoundException.class);
    }

    @Test
    void a_completion_that_finds_a_successor_expired_reports_the_run_gone_and_writes_nothing_back() {
        var runs = service();
        String runId = runs.start(graph("b", List.of("a"), "a", List.of())).runId();
        expire(new RunItems().nodeKey(runId, "b"));

        assertThatThrownBy(() -> runs.complete(runId, List.of("a"))).isInstanceOf(RunNotFoundException.class);
        assertNoFragmentOf(runId);
    }

    @Test
    void a_successor_expiring_while_it_is_dispatched_leaves_no_fragment_behind() {
        var runs = service((runId, nodes, auto) -> {
            if (nodes.contains("b")) {
                expire(new RunItems().nodeKey(runId, "b"));
            }
            dispatched.addAll(nodes);
        });
        String runId = runs.start(graph("b", List.of("a"), "a", List.of())).runId();

        assertThatThrownBy(() -> runs.complete(runId, List.of("a"))).isInstanceOf(RunNotFoundException.class);
        assertNoFragmentOf(runId);
    }

    @Test
    void a_run_whose_header_expires_during_a_completion_is_gone_and_stays_gone() {
        var runs = service((runId, nodes, auto) -> {
            if (nodes.contains("b")) {
                expire(new RunItems().headerKey(runId));
            }
            dispatched.addAll(nodes);
        });
        String runId = runs.start(graph("b", List.of("a"), "a", List.of())).runId();

        assertThatThrownBy(() -> runs.complete(runId, List.of("a"))).isInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> runs.status(runId)).isInstanceOf(RunNotFoundException.class);
        assertNoFragmentOf(runId);
    }

    /** What the table's TTL does to one item of a run, at any moment after its ttl: deletes it, alone. */
    private static void expire(Map<String, AttributeValue> key) {
        dynamo.deleteItem(b -> b.tableName(table).key(key));
    }

    /**
     * Every item left of the run is one that {@code create} wrote, not one an update made up for a missing key:
     * such a fragment lacks the ttl (so it would never expire) and the attributes every read of the run needs.
     */
    private static void assertNoFragmentOf(String runId) {
        var items = dynamo.query(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(RunItems.partition(runId))))).items();
        assertThat(items).isNotEmpty().allSatisfy(item -> assertThat(item)
                .containsKeys("ttl", item.get("sk").s().startsWith("NODE#") ? "node" : "nodeCount"));
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
