package dev.fnbundle.orders.runs;

import dev.fnbundle.orders.graph.GraphRequest;
import dev.fnbundle.orders.graph.GraphTooLargeException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Durable runs: graphlib's prepare / get_ready / done for work that outlives one invocation. Starting a run
 * dispatches its first wave; each completion dispatches the nodes it makes ready, each exactly once.
 */
public final class RunService {
    /** The option of a run body that makes the demo worker complete tasks by itself. */
    public static final String AUTO_COMPLETE = "autoComplete";
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final RunStore store;
    private final TaskDispatcher dispatcher;
    private final Supplier<String> ids;
    private final Clock clock;
    private final int maxNodes;

    public RunService(RunStore store, TaskDispatcher dispatcher, Supplier<String> ids, Clock clock, int maxNodes) {
        this.store = Objects.requireNonNull(store);
        this.dispatcher = Objects.requireNonNull(dispatcher);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
        this.maxNodes = maxNodes;
    }

    /** A run that has just started, and the nodes dispatched for it. */
    public record StartedRun(String runId, List<String> ready) {
    }

    /** The result of a completion: what was marked done, what it dispatched, whether work remains. */
    public record Completion(String runId, List<String> done, List<String> ready, boolean isActive) {
    }

    /**
     * Plans, stores and starts a run.
     *
     * @throws GraphTooLargeException when the graph has more nodes than a run may have
     * @throws dev.fnbundle.orders.graph.CycleDetectedException when it cannot finish
     */
    public StartedRun start(GraphRequest request) {
        if (request.graph().nodeCount() > maxNodes) {
            throw new GraphTooLargeException("nodes", maxNodes);
        }
        RunPlan plan = RunPlan.of(request.graph(), request.strict());
        String runId = ids.get();
        boolean autoComplete = request.option(AUTO_COMPLETE, true);
        store.create(runId, plan, autoComplete, clock.instant());
        dispatcher.dispatch(runId, plan.initialReady(), autoComplete);
        store.dispatched(runId, plan.initialReady(), clock.instant());
        return new StartedRun(runId, plan.initialReady());
    }

    /**
     * Marks nodes done and dispatches the nodes that became ready (see {@link RunStore#complete}).
     *
     * @throws DispatchInProgressException when a successor is READY under another caller's dispatch lease: the
     *                                     same call, repeated after the lease, settles it
     */
    public Completion complete(String runId, List<String> nodes) {
        RunStore.Progress progress = store.complete(wellFormed(runId), nodes, clock.instant());
        if (!progress.ready().isEmpty()) {
            dispatcher.dispatch(runId, progress.ready(), progress.autoComplete());
        }
        if (progress.inFlightUntil() != null) {
            // Finishing only the settled nodes would make the retry of this very call fail on them (already done),
            // so none is finished: the retry completes them all again, idempotently, and takes the dispatch over
            // once the lease has run out. What this call sent is recorded as sent.
            store.finish(runId, List.of(), progress.ready(), clock.instant());
            throw new DispatchInProgressException(runId, progress.ready(),
                    Duration.between(clock.instant(), progress.inFlightUntil()));
        }
        boolean active = store.finish(runId, progress.settled(), progress.ready(), clock.instant());
        return new Completion(runId, List.copyOf(nodes), progress.ready(), active);
    }

    /** The run with every node's status. */
    public RunSnapshot status(String runId) {
        return store.find(wellFormed(runId)).orElseThrow(() -> new RunNotFoundException(runId));
    }

    /**
     * The id, when it can be a run's: ids are UUIDs, and anything else must not reach a DynamoDB key (limited to
     * 2 KB).
     *
     * @throws RunNotFoundException otherwise
     */
    private static String wellFormed(String runId) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw new RunNotFoundException(runId);
        }
        return runId;
    }
}
