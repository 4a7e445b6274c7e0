package dev.fnbundle.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of one fetch.
 *
 * @param connectTimeout per connection attempt
 * @param readTimeout    longest silence while waiting for any byte
 * @param totalTimeout   whole fetch, redirects and body included; the request is aborted when it passes
 * @param maxBodyBytes   body cap, applied to the bytes on the wire and again after decompression
 * @param maxRedirects   redirects followed before giving up
 * @param userAgent      the User-Agent header
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, Duration totalTimeout, long maxBodyBytes,
                            int maxRedirects, String userAgent) {

    /** @throws IllegalArgumentException if a duration or cap is not positive, or redirects negative */
    public FetchSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(totalTimeout, "totalTimeout");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative, was " + maxRedirects);
        }
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** Connect 5 s, read 10 s, total 30 s, 20 MiB, 5 redirects. */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                20L * 1024 * 1024, 5, "fnbundle-feed-fetcher/1.0");
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
