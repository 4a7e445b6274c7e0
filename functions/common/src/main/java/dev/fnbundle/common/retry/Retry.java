package dev.fnbundle.common.retry;

import dev.fnbundle.common.snapstart.FreshEntropy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries an action on named transient exceptions, with exponential backoff and full jitter — the policy of the
 * {@code stamina} tutorial: only the exception types you list are retried, everything else propagates at once;
 * attempts and total time are both capped, whichever comes first.
 *
 * <p>The wait before retry {@code n} (1-based) is uniform in {@code [0, min(waitMax, waitInitial * 2^(n-1))]}
 * ("full jitter": many callers failing together spread out instead of retrying in lockstep). An exception that
 * implements {@link RetryAfter} asks for at least its own delay (a 429's {@code Retry-After}), still capped by
 * {@code waitMax}. Immutable and thread-safe.
 *
 * <pre>{@code
 * Retry retry = Retry.on(TransientFetchException.class).attempts(4).waitInitial(Duration.ofMillis(200)).build();
 * Feed feed = retry.call(() -> fetcher.fetch(url));
 * }</pre>
 */
public final class Retry {
    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

    private final List<Class<? extends Throwable>> retryOn;
    private final int attempts;
    private final Duration waitInitial;
    private final Duration waitMax;
    private final Duration timeout;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Clock clock;

    private Retry(Builder builder) {
        this.retryOn = List.copyOf(builder.retryOn);
        this.attempts = builder.attempts;
        this.waitInitial = builder.waitInitial;
        this.waitMax = builder.waitMax;
        this.timeout = builder.timeout;
        this.sleeper = builder.sleeper;
        this.random = builder.random;
        this.clock = builder.clock;
    }

    /** Starts a policy that retries exactly these exception types (and their subclasses). */
    @SafeVarargs
    public static Builder on(Class<? extends Throwable>... types) {
        if (types.length == 0) {
            throw new IllegalArgumentException("name at least one exception type to retry on");
        }
        return new Builder(List.of(types));
    }

    /** One attempt of the retried action. */
    @FunctionalInterface
    public interface Attempt<T, X extends Exception> {
        T run() throws X;
    }

    /**
     * Runs {@code attempt} until it succeeds, throws a non-retryable exception, or the attempts or the time run
     * out; then the last exception propagates unchanged.
     */
    public <T, X extends Exception> T call(Attempt<T, X> attempt) throws X {
        long start = clock.nanos();
        for (int number = 1; ; number++) {
            try {
                return attempt.run();
            } catch (Exception e) {
                if (!isRetryable(e) || number >= attempts) {
                    throw e;
                }
                Duration wait = waitBefore(number + 1, e);
                if (Duration.ofNanos(clock.nanos() - start).plus(wait).compareTo(timeout) > 0) {
                    throw e;
                }
                LOG.warn("retrying attempt={} of={} waitMs={} error={}", number + 1, attempts, wait.toMillis(),
                        e.getClass().getSimpleName());
                if (!sleeper.sleep(wait)) {
                    throw e;
                }
            }
        }
    }

    /** True when {@code error} is one of the types this policy retries. */
    public boolean isRetryable(Throwable error) {
        return retryOn.stream().anyMatch(type -> type.isInstance(error));
    }

    /** The (random) wait before attempt {@code number} (2 for the first retry). */
    Duration waitBefore(int number, Throwable error) {
        double ceiling = Math.min(waitMax.toNanos(), waitInitial.toNanos() * Math.pow(2, number - 2));
        long jittered = (long) (random.getAsDouble() * ceiling);
        long hinted = Optional.ofNullable(error instanceof RetryAfter hint ? hint.retryAfter() : null)
                .map(Duration::toNanos).orElse(0L);
        return Duration.ofNanos(Math.min(waitMax.toNanos(), Math.max(jittered, hinted)));
    }

    /** Configures a {@link Retry}; defaults: 5 attempts, 100 ms initial wait, 5 s max wait, 30 s in all. */
    public static final class Builder {
        private final List<Class<? extends Throwable>> retryOn;
        private int attempts = 5;
        private Duration waitInitial = Duration.ofMillis(100);
        private Duration waitMax = Duration.ofSeconds(5);
        private Duration timeout = Duration.ofSeconds(30);
        private Sleeper sleeper = Sleeper.THREAD;
        // Re-seeded after a SnapStart restore: a seed taken at init would put every restored copy in lockstep.
        private DoubleSupplier random = FreshEntropy::nextDouble;
        private Clock clock = System::nanoTime;

        private Builder(List<Class<? extends Throwable>> retryOn) {
            this.retryOn = retryOn;
        }

        /** Total attempts, the first included (1 means no retry). */
        public Builder attempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
            this.attempts = attempts;
            return this;
        }

        public Builder waitInitial(Duration waitInitial) {
            this.waitInitial = positive(waitInitial, "waitInitial");
            return this;
        }

        public Builder waitMax(Duration waitMax) {
            this.waitMax = positive(waitMax, "waitMax");
            return this;
        }

        /** Total time budget: no retry starts whose wait would end past it. */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /** How to wait; tests pass one that records waits instead of sleeping (stamina's set_testing). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper);
            return this;
        }

        /** Source of uniform doubles in [0, 1) for the jitter. */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /** Monotonic time source in nanoseconds. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Retry build() {
            return new Retry(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be zero or positive");
            }
            return value;
        }
    }

    /** Waits between attempts. */
    @FunctionalInterface
    public interface Sleeper {
        /** Sleeps the thread; returns false (and keeps the interrupt flag) when interrupted. */
        Sleeper THREAD = duration -> {
            try {
                Thread.sleep(duration);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };

        /** Waits {@code duration}; false means stop retrying. */
        boolean sleep(Duration duration);
    }

    /** A monotonic clock, replaceable in tests. */
    @FunctionalInterface
    public interface Clock {
        long nanos();
    }
}
