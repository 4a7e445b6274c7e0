package dev.fnbundle.common.validation;

import java.util.List;

/**
 * A request, message or parameter set has invalid fields: every one found, not just the first. The single
 * invalid-input exception of every function and core; {@code ProblemMapper} answers it with a 400 listing each
 * field under {@code errors}.
 *
 * <p>The message holds only the count: a field name can carry client input (a graph's node name), so neither
 * names nor values reach a log through it.
 */
public final class InvalidFieldsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;
    private final boolean truncated;

    /**
     * @param errors    at least one, in the order the fields were read
     * @param truncated whether reading stopped at a cap and more invalid fields followed the ones listed
     * @throws IllegalArgumentException when {@code errors} is empty
     */
    public InvalidFieldsException(List<FieldError> errors, boolean truncated) {
        super(describe(errors, truncated), null, false, false);
        this.errors = List.copyOf(errors);
        this.truncated = truncated;
    }

    /** Every invalid field, none left out. */
    public InvalidFieldsException(List<FieldError> errors) {
        this(errors, false);
    }

    /** One invalid field. */
    public InvalidFieldsException(String field, String detail) {
        this(List.of(new FieldError(field, detail)));
    }

    /** The invalid fields in reading order; never empty. */
    public List<FieldError> errors() {
        return errors;
    }

    /** The names of the invalid fields, in order. */
    public List<String> fields() {
        return errors.stream().map(FieldError::field).toList();
    }

    /** Whether more invalid fields followed the ones listed. */
    public boolean truncated() {
        return truncated;
    }

    private static String describe(List<FieldError> errors, boolean truncated) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid-fields exception names at least one field");
        }
        return errors.size() + (truncated ? "+" : "") + " invalid field(s)";
    }
}
