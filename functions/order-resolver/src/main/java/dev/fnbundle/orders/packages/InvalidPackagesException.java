package dev.fnbundle.orders.packages;

import dev.fnbundle.orders.graph.FieldViolation;
import java.util.List;

/**
 * The package request has invalid fields (missing or malformed names, versions, requirements, a package version
 * listed twice); meant for a 400 with one entry per field, such as {@code packages[2].requires[0]}.
 */
public final class InvalidPackagesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldViolation> violations;

    public InvalidPackagesException(List<FieldViolation> violations) {
        super(violations.size() + " invalid field(s) in the package request");
        this.violations = List.copyOf(violations);
    }

    /** The violations in request order; never empty. */
    public List<FieldViolation> violations() {
        return violations;
    }
}
