package dev.fnbundle.orders.runs;

/** There is no run with this id (or it expired). */
public final class RunNotFoundException extends RuntimeException {
    private final String runId;

    public RunNotFoundException(String runId) {
        super("no run " + runId);
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
