package dev.fnbundle.orders.runs;

import java.time.Duration;
import java.util.List;

/**
 * A completion could not be settled: a successor of a completed node is READY under another caller's dispatch
 * lease (that caller is still sending it, or crashed while it did). Answering "done, nothing ready" would leave the
 * run active for good if that caller had crashed, so the call is answered "retry after the lease": no node of the
 * call is finished, and repeating the same call then completes them all again (idempotently) and takes the
 * abandoned dispatch over. Meant for a 409 with {@code Retry-After}.
 */
public final class DispatchInProgressException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final transient List<String> dispatched;
    private final transient Duration retryAfter;

    /**
     * @param dispatched the nodes this call did make ready and send, reported since a retry will not list them
     * @param retryAfter how long until the last lease in the way lapses
     */
    public DispatchInProgressException(String runId, List<String> dispatched, Duration retryAfter) {
        super("a successor's dispatch is in progress in run " + runId, null, false, false);
        this.runId = runId;
        this.dispatched = List.copyOf(dispatched);
        this.retryAfter = retryAfter;
    }

    public String runId() {
        return runId;
    }

    /** The nodes this call sent; never null. */
    public List<String> dispatched() {
        return dispatched;
    }

    /** How long until retrying the same call finds the dispatch either done or abandoned. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
