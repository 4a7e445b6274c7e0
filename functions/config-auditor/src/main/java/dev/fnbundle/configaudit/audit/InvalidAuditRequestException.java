package dev.fnbundle.configaudit.audit;

import dev.fnbundle.common.problem.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/** A request with missing or malformed fields (maps to 400); carries every field error found, not just the first. */
public final class InvalidAuditRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    /** @param errors at least one error */
    public InvalidAuditRequestException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.detail()).collect(Collectors.joining("; ")),
                null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** The field errors, in field order; never empty. */
    public List<FieldError> errors() {
        return errors;
    }
}
