package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.function.InvocationResult;
import dev.fnbundle.local.observe.InstanceEvent;
import dev.fnbundle.local.observe.Observer;
import dev.fnbundle.local.observe.Trigger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A burst of requests to a function with no instance yet (every route called at once while the stack starts) waits
 * for one starting instance instead of starting one JVM per request: on 2 cores, 18 JVMs starting together took five
 * times as long each. The function still scales out, one start at a time, for a request that has waited as long
 * as a new instance would take to start.
 */
class ColdBurstTest {

    @Test
    void a_burst_to_a_cold_function_starts_its_instances_one_at_a_time_and_answers_every_request() throws Exception {
        BundleRuntime runtime = FixtureRuntime.shared();
        FunctionPool template = runtime.pools().get("EchoFunction");
        Options options = Options.parse(List.of("start", "--max-instances", "3"), FixtureRuntime.directory());
        Set<Integer> starting = new HashSet<>();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Observer watcher = new Observer() {
            @Override
            public void instance(InstanceEvent event) {
                if (!event.function().equals("EchoFunction") || event.instance() <= 0) {
                    return;
                }
                synchronized (starting) {
                    if (event.state() == InstanceEvent.State.STARTING) {
                        starting.add(event.instance());
                        mostAtOnce.accumulateAndGet(starting.size(), Math::max);
                    } else {
                        starting.remove(event.instance());
                    }
                }
            }
        };
        byte[] event = """
                {"routeKey": "GET /items/{id}", "requestContext": {}, "pathParameters": {"id": "burst"},
                 "queryStringParameters": {"sleep": "300"}}""".getBytes(StandardCharsets.UTF_8);
        var results = new ArrayList<Future<InvocationResult>>();
        try (var subscription = runtime.recorder().subscribe(watcher);
             var cold = runtime.newPool(template.spec(), template.code(), options);
             var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                results.add(threads.submit(() -> cold.invoke(event, Trigger.invoke("RequestResponse"))));
            }
            for (var result : results) {
                assertThat(result.get().succeeded()).isTrue();
            }
        }

        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void while_other_functions_are_still_starting_a_busy_function_waits_for_its_instance_instead_of_scaling_out()
            throws Exception {
        BundleRuntime runtime = FixtureRuntime.shared();
        FunctionPool template = runtime.pools().get("EchoFunction");
        Options options = Options.parse(List.of("start", "--max-instances", "3"), FixtureRuntime.directory());
        AtomicInteger starts = new AtomicInteger();
        Observer watcher = countingStarts(starts);
        byte[] event = """
                {"routeKey": "GET /items/{id}", "requestContext": {}, "pathParameters": {"id": "busy"},
                 "queryStringParameters": {"sleep": "300"}}""".getBytes(StandardCharsets.UTF_8);
        var results = new ArrayList<Future<InvocationResult>>();
        try (var cold = runtime.newPool(template.spec(), template.code(), options)) {
            cold.warmUp();
            try (var subscription = runtime.recorder().subscribe(watcher);
                 var anotherFunctionStarting = runtime.launcher().starts().begin();
                 var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 4; i++) {
                    results.add(threads.submit(() -> cold.invoke(event, Trigger.invoke("RequestResponse"))));
                }
                for (var result : results) {
                    assertThat(result.get().succeeded()).isTrue();
                }
            }
        }

        assertThat(starts).hasValue(0);
    }

    @Test
    void a_busy_function_serves_a_short_queue_itself_rather_than_start_an_instance_that_would_be_ready_later()
            throws Exception {
        try (var pool = freshEchoPool()) {
            pool.warmUp();
            // three requests in turn keep the last one waiting 2 x init / 5, less than a new instance's init
            long sleep = Math.max(20, pool.lastInitMillis() / 5);

            int starts = startsDuring(pool, 3, sleep);

            assertThat(starts).isZero();
        }
    }

    @Test
    void a_function_scales_out_for_a_request_that_has_waited_as_long_as_an_init_takes() throws Exception {
        try (var pool = freshEchoPool()) {
            pool.warmUp();
            long sleep = Math.min(6_000, 2 * pool.lastInitMillis() + 200);

            int starts = startsDuring(pool, 2, sleep);

            assertThat(starts).isEqualTo(1);
        }
    }

    private static Observer countingStarts(AtomicInteger starts) {
        return new Observer() {
            @Override
            public void instance(InstanceEvent event) {
                if (event.function().equals("EchoFunction") && event.state() == InstanceEvent.State.STARTING) {
                    starts.incrementAndGet();
                }
            }
        };
    }

    private static FunctionPool freshEchoPool() throws Exception {
        BundleRuntime runtime = FixtureRuntime.shared();
        FunctionPool template = runtime.pools().get("EchoFunction");
        Options options = Options.parse(List.of("start", "--max-instances", "3"), FixtureRuntime.directory());
        return runtime.newPool(template.spec(), template.code(), options);
    }

    /** Sends {@code requests} invocations at once, each sleeping {@code sleepMillis}; counts the instances started. */
    private static int startsDuring(FunctionPool pool, int requests, long sleepMillis) throws Exception {
        AtomicInteger starts = new AtomicInteger();
        Observer watcher = countingStarts(starts);
        byte[] event = ("{\"routeKey\": \"GET /items/{id}\", \"requestContext\": {}, \"pathParameters\": "
                + "{\"id\": \"queue\"}, \"queryStringParameters\": {\"sleep\": \"" + sleepMillis + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        var results = new ArrayList<Future<InvocationResult>>();
        try (var subscription = FixtureRuntime.shared().recorder().subscribe(watcher);
             var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                results.add(threads.submit(() -> pool.invoke(event, Trigger.invoke("RequestResponse"))));
            }
            for (var result : results) {
                assertThat(result.get().succeeded()).isTrue();
            }
        }
        return starts.get();
    }

    @Test
    void the_functions_behind_no_route_start_only_once_the_routed_ones_answered_what_was_waiting_for_them()
            throws Exception {
        FunctionPool routed = FixtureRuntime.shared().pools().get("EchoFunction");
        byte[] event = """
                {"routeKey": "GET /items/{id}", "requestContext": {}, "pathParameters": {"id": "slow"},
                 "queryStringParameters": {"sleep": "500"}}""".getBytes(StandardCharsets.UTF_8);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<InvocationResult> waiting = threads.submit(() -> routed.invoke(event,
                    Trigger.invoke("RequestResponse")));
            while (!routed.serving() && !waiting.isDone()) {
                Thread.sleep(1);
            }

            FunctionWarmUp.awaitQuiet(List.of(routed), 60_000);

            assertThat(waiting).isDone();
            assertThat(waiting.get().succeeded()).isTrue();
        }
    }
}
