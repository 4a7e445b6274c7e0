package dev.fnbundle.rss.model;

import java.util.Objects;

/**
 * A defect the parser tolerated.
 *
 * @param code    snake_case kind, one of {@link WarningCode#id()}
 * @param message what was found and what was done about it, never null
 * @param line    1-based line in the document where it was found, or 0 when not tied to a line
 */
public record ParseWarning(String code, String message, int line) {
    /** @throws NullPointerException if {@code code} or {@code message} is null */
    public ParseWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** A warning of the given kind. */
    public static ParseWarning of(WarningCode code, String message, int line) {
        return new ParseWarning(code.id(), message, line);
    }
}
