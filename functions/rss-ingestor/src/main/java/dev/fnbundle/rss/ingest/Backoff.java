package dev.fnbundle.rss.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a failing feed may be tried again: {@code base * 2^(failures - 1)}, capped. Transient failures start
 * small, so SQS's redelivery of the failed message (after the queue's visibility timeout) gets one more real try;
 * permanent failures start at an hour, so a dead feed is tried at most at every other run and, after a few
 * failures, once a day.
 *
 * @param transientBase wait after the first transient failure
 * @param permanentBase wait after the first permanent failure
 * @param cap           the longest wait
 */
public record Backoff(Duration transientBase, Duration permanentBase, Duration cap) {
    /** @throws IllegalArgumentException unless 0 &lt; base &lt;= cap */
    public Backoff {
        Objects.requireNonNull(transientBase, "transientBase");
        Objects.requireNonNull(permanentBase, "permanentBase");
        Objects.requireNonNull(cap, "cap");
        if (transientBase.isNegative() || transientBase.isZero() || permanentBase.isNegative()
                || permanentBase.isZero() || cap.compareTo(transientBase) < 0 || cap.compareTo(permanentBase) < 0) {
            throw new IllegalArgumentException("bases must be positive and not above the cap");
        }
    }

    /** 5 minutes after a transient failure, an hour after a permanent one, doubling, at most 24 hours. */
    public static Backoff defaults() {
        return new Backoff(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(24));
    }

    /**
     * The earliest next attempt after the {@code failures}-th consecutive failure.
     *
     * @param failures at least 1
     */
    public Instant next(Instant now, int failures, boolean permanent) {
        Duration base = permanent ? permanentBase : transientBase;
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration wait = base.multipliedBy(1L << doublings);
        return now.plus(wait.compareTo(cap) > 0 ? cap : wait);
    }
}
