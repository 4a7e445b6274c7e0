package dev.fnbundle.common.problem;

import dev.fnbundle.common.json.MalformedJsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns any exception into a {@link Problem}: the one place where errors become HTTP answers.
 *
 * <p>{@link ProblemException}s map to themselves, malformed JSON to 400, domain exceptions through the mappings a
 * handler registers, and everything else to a 500 whose detail is generic: an unexpected exception's message may
 * hold internals, so it goes to the log, never to the client.
 */
public final class ProblemMapper {
    private final List<Mapping<?>> mappings;

    private ProblemMapper(List<Mapping<?>> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    /** A mapper with only the built-in mappings. */
    public static ProblemMapper standard() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The problem for {@code error}; never null. */
    public Problem toProblem(Throwable error) {
        if (error instanceof ProblemException known) {
            return known.problem();
        }
        if (error instanceof MalformedJsonException malformed) {
            return Problem.of(400, "malformed-json", "Malformed JSON",
                            "the body is not valid JSON: " + malformed.getMessage())
                    .with("line", malformed.line())
                    .with("column", malformed.column());
        }
        for (Mapping<?> mapping : mappings) {
            Problem problem = mapping.apply(error);
            if (problem != null) {
                return problem;
            }
        }
        return internalError();
    }

    /** The 500 every unexpected failure gets. */
    public static Problem internalError() {
        return Problem.of(500, "internal-error", "Internal error",
                "the request failed unexpectedly; quote the requestId when reporting it");
    }

    /** Registers mappings for a function's domain exceptions; the first matching mapping wins. */
    public static final class Builder {
        private final List<Mapping<?>> mappings = new ArrayList<>();

        private Builder() {
        }

        public <E extends Throwable> Builder map(Class<E> type, Function<? super E, Problem> mapping) {
            mappings.add(new Mapping<>(type, mapping));
            return this;
        }

        public ProblemMapper build() {
            return new ProblemMapper(mappings);
        }
    }

    private record Mapping<E extends Throwable>(Class<E> type, Function<? super E, Problem> function) {
        Problem apply(Throwable error) {
            return type.isInstance(error) ? function.apply(type.cast(error)) : null;
        }
    }
}
