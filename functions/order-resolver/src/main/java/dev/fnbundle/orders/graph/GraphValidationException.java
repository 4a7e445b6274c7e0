package dev.fnbundle.orders.graph;

import java.util.List;

/**
 * The request is well-formed JSON but its fields are not a valid graph request (a value that is not an array, an
 * element that is not a string, an empty node name, ...). Meant for a 400 with one entry per field.
 *
 * <p>Carries at most {@link GraphLimits#maxViolations()} violations; {@link #truncated()} tells whether reading
 * stopped there. The message holds only the count, never the input.
 */
public final class GraphValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldViolation> violations;
    private final boolean truncated;

    public GraphValidationException(List<FieldViolation> violations, boolean truncated) {
        super(violations.size() + (truncated ? "+" : "") + " invalid field(s) in the graph request");
        this.violations = List.copyOf(violations);
        this.truncated = truncated;
    }

    /** The violations in input order; never empty. */
    public List<FieldViolation> violations() {
        return violations;
    }

    /** Whether more violations followed the ones reported. */
    public boolean truncated() {
        return truncated;
    }
}
