package dev.fnbundle.common.validation;

import java.util.Objects;

/**
 * One invalid input field: {@code field} names it the way a client wrote it ({@code graph.myapp[1]},
 * {@code search.since}, a query parameter such as {@code limit}, a header such as {@code Idempotency-Key});
 * {@code detail} says what is wrong, without echoing the value. The one field-error type of every function.
 */
public record FieldError(String field, String detail) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
    }
}
