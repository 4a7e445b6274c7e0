package dev.fnbundle.email.mailbox;

import java.util.List;
import java.util.stream.Collectors;

/** A mailbox registration with invalid fields; maps to 400 with one entry per field. */
public final class InvalidMailboxException extends RuntimeException {
    private final transient List<FieldError> errors;

    /**
     * @param errors at least one; never null
     */
    public InvalidMailboxException(List<FieldError> errors) {
        super("invalid mailbox registration: " + errors.stream().map(FieldError::field)
                .collect(Collectors.joining(", ")));
        this.errors = List.copyOf(errors);
    }

    /** @return the field errors in field order; never empty */
    public List<FieldError> errors() {
        return errors;
    }
}
