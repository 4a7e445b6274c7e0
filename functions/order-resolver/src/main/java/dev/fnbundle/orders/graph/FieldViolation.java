package dev.fnbundle.orders.graph;

import java.util.Objects;

/**
 * One invalid input field: {@code field} names it as the client wrote it ({@code graph.myapp[1]},
 * {@code graph["my.app"]}, {@code strict}), {@code detail} says what is wrong with it. Never null.
 */
public record FieldViolation(String field, String detail) {
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
    }
}
