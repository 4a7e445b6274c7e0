package dev.fnbundle.common.problem;

import java.util.Objects;

/**
 * One invalid input field: {@code field} names it the way a client wrote it ({@code graph.myapp[1]},
 * {@code search.since}, or a query parameter such as {@code limit}); {@code detail} says what is wrong.
 */
public record FieldError(String field, String detail) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
    }
}
