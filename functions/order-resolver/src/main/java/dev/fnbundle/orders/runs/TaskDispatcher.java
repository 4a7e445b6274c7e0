package dev.fnbundle.orders.runs;

import java.util.List;

/** Sends one task per ready node to whoever executes them (the run task queue). */
public interface TaskDispatcher {
    /**
     * Sends the tasks; throws when any could not be sent, in which case the caller must not record them as sent.
     *
     * @param autoComplete whether the demo worker should mark each task done when it receives it
     */
    void dispatch(String runId, List<String> nodes, boolean autoComplete);
}
