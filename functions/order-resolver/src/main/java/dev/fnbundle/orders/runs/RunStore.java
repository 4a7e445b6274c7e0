package dev.fnbundle.orders.runs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where durable runs live between invocations. Implementations must make {@link #complete} safe under races and
 * retries: a decrement of a node's remaining-dependency counter is applied once per (dependency, node) pair, and
 * the PENDING-to-READY transition happens in exactly one caller, which alone dispatches the node.
 */
public interface RunStore {
    /** Stores a new run whose initial nodes are READY; a run id is never reused. */
    void create(String runId, RunPlan plan, boolean autoComplete, Instant now);

    /**
     * Marks {@code nodes} done and applies their completions to their successors. Nothing is changed when a node
     * is unknown, pending, already done, or listed twice. A node that is DONE but whose completion was
     * interrupted (a crash, a failed dispatch) is completed again, idempotently.
     *
     * @return the successors this call made READY, and READY nodes whose dispatch was abandoned by a crashed
     *     caller; the caller must dispatch them and then call {@link #finish}
     * @throws RunNotFoundException    when there is no such run
     * @throws UnknownRunNodeException when some names are not nodes of the run
     * @throws NodeNotReadyException   when some nodes are pending or already done
     */
    Progress complete(String runId, List<String> nodes, Instant now);

    /**
     * Records that {@code dispatched} were sent and that {@code nodes}' completions are fully applied.
     *
     * @return whether the run is still active afterwards
     */
    boolean finish(String runId, List<String> nodes, List<String> dispatched, Instant now);

    /**
     * What a completion made ready (in graphlib order), which of the completed nodes are settled (no successor
     * of theirs is left READY-but-unsent by someone else's dispatch in flight), and how the run's tasks are to
     * be executed. Only settled nodes may be finished; the others are completed again later.
     *
     * @param inFlightUntil when the latest dispatch lease held by another caller on a successor lapses, or null
     *                      when every completed node is settled
     */
    record Progress(List<String> ready, List<String> settled, boolean autoComplete, Instant inFlightUntil) {
        public Progress {
            ready = List.copyOf(ready);
            settled = List.copyOf(settled);
        }
    }

    /** Records that the initial nodes of a new run were sent. */
    void dispatched(String runId, List<String> nodes, Instant now);

    /** The run, or empty when there is none. */
    Optional<RunSnapshot> find(String runId);
}
