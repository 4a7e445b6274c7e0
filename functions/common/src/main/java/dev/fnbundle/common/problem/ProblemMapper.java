package dev.fnbundle.common.problem;

import dev.fnbundle.common.idempotency.IdempotencyInProgressException;
import dev.fnbundle.common.idempotency.IdempotencyKeyReusedException;
import dev.fnbundle.common.json.MalformedJsonException;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns any exception into a {@link Problem}: the one place where errors become HTTP answers.
 *
 * <p>Built in, the same for every function: {@link ProblemException}s map to their problem, malformed JSON and
 * {@link InvalidFieldsException} to 400 (listing every field), the idempotency contract to 409 with
 * {@code Retry-After} (the first attempt with this key is still running) and 422 (the key was used for another
 * request). Then a function's domain exceptions through the mappings its handler registers; everything else is a
 * 500 whose detail is generic: an unexpected exception's message may hold internals, so it goes to the log, never
 * to the client.
 */
public final class ProblemMapper {
    private final List<Mapping<?>> mappings;
    private final Clock clock;

    private ProblemMapper(List<Mapping<?>> mappings, Clock clock) {
        this.mappings = List.copyOf(mappings);
        this.clock = clock;
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
        Problem builtIn = builtIn(error);
        if (builtIn != null) {
            return builtIn;
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

    private Problem builtIn(Throwable error) {
        if (error instanceof ProblemException known) {
            return known.problem();
        }
        if (error instanceof MalformedJsonException malformed) {
            return Problem.of(400, "malformed-json", "Malformed JSON",
                            "the body is not valid JSON: " + malformed.getMessage())
                    .with("line", malformed.line())
                    .with("column", malformed.column());
        }
        if (error instanceof InvalidFieldsException invalid) {
            Problem problem = Problem.invalid(invalid.errors());
            return invalid.truncated() ? problem.with("truncated", true) : problem;
        }
        if (error instanceof IdempotencyInProgressException inProgress) {
            long seconds = Problem.retryAfterSeconds(Duration.between(clock.instant(), inProgress.claimExpiresAt()));
            return Problem.of(409, "request-in-progress", "Request in progress",
                            "a request with this Idempotency-Key is still running; retry in " + seconds + " s")
                    .retryAfter(Duration.ofSeconds(seconds));
        }
        if (error instanceof IdempotencyKeyReusedException) {
            return Problem.unprocessable("idempotency-key-reused", "Idempotency key reused",
                    "this Idempotency-Key was used for a different request body");
        }
        return null;
    }

    /** Registers mappings for a function's domain exceptions; the first matching mapping wins. */
    public static final class Builder {
        private final List<Mapping<?>> mappings = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public <E extends Throwable> Builder map(Class<E> type, Function<? super E, Problem> mapping) {
            mappings.add(new Mapping<>(type, mapping));
            return this;
        }

        /** The clock {@code Retry-After} is computed from (tests fix it). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public ProblemMapper build() {
            return new ProblemMapper(mappings, clock);
        }
    }

    private record Mapping<E extends Throwable>(Class<E> type, Function<? super E, Problem> function) {
        Problem apply(Throwable error) {
            return type.isInstance(error) ? function.apply(type.cast(error)) : null;
        }
    }
}
