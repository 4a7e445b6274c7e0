package dev.fnbundle.common.retry;

import java.time.Duration;

/** Implemented by exceptions that know how long the other side asked us to wait (e.g. HTTP Retry-After). */
public interface RetryAfter {
    /** The requested delay, or null when none was given. */
    Duration retryAfter();
}
