package dev.fnbundle.orders.packages;

import java.util.List;

/**
 * No choice of one version per package satisfies every constraint; meant for a 422.
 *
 * <p>{@link #explanation()} is a PubGrub-style derivation ("Because myapp 1.0.0 needs requests>=2.28 and web 2.0
 * needs requests<2, myapp 1.0.0 is incompatible with web 2.0. ..."); {@link #constraints()} lists the constraints
 * the derivation uses, with who imposes them. The message holds only counts.
 */
public final class VersionConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String explanation;
    private final transient List<ConflictConstraint> constraints;

    public VersionConflictException(String explanation, List<ConflictConstraint> constraints) {
        super("no set of versions satisfies the request (" + constraints.size() + " constraints involved)");
        this.explanation = explanation;
        this.constraints = List.copyOf(constraints);
    }

    /** Human-readable lines, separated by newlines, ending in the conclusion. */
    public String explanation() {
        return explanation;
    }

    /** The external facts of the derivation in the order the explanation first uses them. */
    public List<ConflictConstraint> constraints() {
        return constraints;
    }
}
