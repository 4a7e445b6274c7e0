package dev.fnbundle.rss.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private final Backoff backoff = Backoff.defaults();

    @Test
    void transient_failures_double_from_five_minutes() {
        assertThat(backoff.next(NOW, 1, false)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(backoff.next(NOW, 2, false)).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(backoff.next(NOW, 5, false)).isEqualTo(NOW.plus(Duration.ofMinutes(80)));
    }

    @Test
    void permanent_failures_double_from_an_hour_up_to_a_day() {
        assertThat(backoff.next(NOW, 1, true)).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(backoff.next(NOW, 4, true)).isEqualTo(NOW.plus(Duration.ofHours(8)));
        assertThat(backoff.next(NOW, 6, true)).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(backoff.next(NOW, 1000, true)).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(backoff.next(NOW, 1000, false)).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }
}
