package dev.fnbundle.orders.packages;

/**
 * The version search used up its step budget without an answer; meant for a 422 asking for a smaller or more
 * constrained package list. Bounds the time one request can cost.
 */
public final class ResolutionTooComplexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int steps;

    public ResolutionTooComplexException(int steps) {
        super("version resolution gave up after " + steps + " steps");
        this.steps = steps;
    }

    /** The step budget that was exhausted. */
    public int steps() {
        return steps;
    }
}
