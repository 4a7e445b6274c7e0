package dev.fnbundle.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {
    private final List<Duration> waits = new ArrayList<>();

    static final class RateLimited extends IOException implements RetryAfter {
        @Override
        public Duration retryAfter() {
            return Duration.ofSeconds(3);
        }
    }

    private Retry.Builder policy() {
        return Retry.on(IOException.class).attempts(4).waitInitial(Duration.ofMillis(100))
                .waitMax(Duration.ofSeconds(5)).timeout(Duration.ofMinutes(1))
                .sleeper(d -> waits.add(d)).random(() -> 0.999_999);
    }

    @Test
    void a_transient_failure_is_retried_until_it_succeeds() throws IOException {
        var calls = new AtomicInteger();

        String result = policy().build().call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IOException("flaky");
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void an_exception_that_is_not_named_propagates_without_retry() {
        var calls = new AtomicInteger();

        assertThatThrownBy(() -> policy().build().call(() -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void after_the_last_attempt_the_last_exception_propagates() {
        var calls = new AtomicInteger();

        assertThatThrownBy(() -> policy().build().call(() -> {
            throw new IOException("down " + calls.incrementAndGet());
        })).isInstanceOf(IOException.class).hasMessage("down 4");
        assertThat(waits).hasSize(3);
    }

    @Test
    void waits_grow_exponentially_up_to_the_cap_with_full_jitter() {
        var retry = policy().waitMax(Duration.ofMillis(300)).build();

        assertThat(retry.waitBefore(2, new IOException()).toMillis()).isBetween(99L, 100L);
        assertThat(retry.waitBefore(3, new IOException()).toMillis()).isBetween(199L, 200L);
        assertThat(retry.waitBefore(4, new IOException()).toMillis()).isBetween(299L, 300L);
        assertThat(retry.waitBefore(9, new IOException()).toMillis()).isBetween(299L, 300L);
        var zeroJitter = policy().random(() -> 0.0).build();
        assertThat(zeroJitter.waitBefore(5, new IOException())).isZero();
    }

    @Test
    void a_retry_after_hint_is_honoured_within_the_cap() {
        var retry = policy().random(() -> 0.0).build();

        assertThat(retry.waitBefore(2, new RateLimited())).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy().waitMax(Duration.ofSeconds(1)).build().waitBefore(2, new RateLimited()))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void no_retry_starts_that_would_end_past_the_timeout() {
        long[] now = {0};
        var retry = policy().timeout(Duration.ofMillis(250)).clock(() -> now[0])
                .sleeper(d -> {
                    waits.add(d);
                    now[0] += d.toNanos();
                    return true;
                }).build();

        assertThatThrownBy(() -> retry.call(() -> {
            throw new IOException("down");
        })).isInstanceOf(IOException.class);
        assertThat(waits).hasSize(1);
    }

    @Test
    void an_interrupted_wait_stops_retrying_and_keeps_the_interrupt() {
        var calls = new AtomicInteger();
        var retry = policy().sleeper(d -> false).build();

        assertThatThrownBy(() -> retry.call(() -> {
            calls.incrementAndGet();
            throw new IOException("down");
        })).isInstanceOf(IOException.class);
        assertThat(calls).hasValue(1);
    }
}
