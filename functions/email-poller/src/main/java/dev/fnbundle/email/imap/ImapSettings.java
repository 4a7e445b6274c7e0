package dev.fnbundle.email.imap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Connection settings shared by every mailbox.
 *
 * <p>Production: IMAPS, the JVM's default trust store, server identity (host name) checked, timeouts on connect,
 * read and write. Local and tests: a {@link TrustStore} for a self-signed certificate, and plain IMAP only when
 * {@code plaintext} is set, which nothing in production sets.
 *
 * @param connectTimeout socket connect timeout
 * @param readTimeout    socket read timeout (also bounds the TLS handshake and each server reply)
 * @param writeTimeout   socket write timeout
 * @param trustStore     the trust store, or null for the JVM default
 * @param plaintext      connect with plain IMAP instead of IMAPS (tests and local runs only)
 * @param preferMove     use UID MOVE when the server supports it; false forces COPY + \Deleted + UID EXPUNGE
 */
public record ImapSettings(Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
                           TrustStore trustStore, boolean plaintext, boolean preferMove) {
    public ImapSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero() || writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("IMAP timeouts must be positive");
        }
    }

    /**
     * IMAPS with the JVM trust store, connect 10 s, read and write 30 s, MOVE preferred.
     *
     * @return never null
     */
    public static ImapSettings defaults() {
        return new ImapSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), null,
                false, true);
    }

    /**
     * Reads {@code IMAP_CONNECT_TIMEOUT_MS}, {@code IMAP_READ_TIMEOUT_MS}, {@code IMAP_WRITE_TIMEOUT_MS},
     * {@code IMAP_TRUSTSTORE_PATH}, {@code IMAP_TRUSTSTORE_PASSWORD}, {@code IMAP_TRUSTSTORE_TYPE} (default
     * PKCS12), {@code IMAP_PLAINTEXT} and {@code IMAP_PREFER_MOVE}; absent variables keep {@link #defaults()}.
     *
     * @param env the environment; never null
     * @return never null
     * @throws IllegalArgumentException naming the variable whose value is invalid
     */
    public static ImapSettings fromEnvironment(Map<String, String> env) {
        ImapSettings d = defaults();
        String trustPath = env.get("IMAP_TRUSTSTORE_PATH");
        TrustStore trust = trustPath == null || trustPath.isBlank() ? null : new TrustStore(Path.of(trustPath),
                env.getOrDefault("IMAP_TRUSTSTORE_PASSWORD", ""), env.getOrDefault("IMAP_TRUSTSTORE_TYPE", "PKCS12"));
        return new ImapSettings(millis(env, "IMAP_CONNECT_TIMEOUT_MS", d.connectTimeout()),
                millis(env, "IMAP_READ_TIMEOUT_MS", d.readTimeout()),
                millis(env, "IMAP_WRITE_TIMEOUT_MS", d.writeTimeout()), trust,
                flag(env, "IMAP_PLAINTEXT", false), flag(env, "IMAP_PREFER_MOVE", true));
    }

    /**
     * A copy with a trust store and plain IMAP switched on or off.
     *
     * @param store       the trust store, or null
     * @param usePlaintext plain IMAP
     * @return never null
     */
    public ImapSettings withTransport(TrustStore store, boolean usePlaintext) {
        return new ImapSettings(connectTimeout, readTimeout, writeTimeout, store, usePlaintext, preferMove);
    }

    /**
     * A copy whose trust store takes its password from {@code source} when it is first loaded.
     *
     * @param source never null
     * @return never null
     * @throws IllegalStateException when there is no trust store to give a password to
     */
    public ImapSettings withTrustStorePassword(Supplier<String> source) {
        if (trustStore == null) {
            throw new IllegalStateException("a trust store password needs IMAP_TRUSTSTORE_PATH");
        }
        return new ImapSettings(connectTimeout, readTimeout, writeTimeout, trustStore.withPassword(source), plaintext,
                preferMove);
    }

    /**
     * A copy with {@code preferMove} set.
     *
     * @param move whether to use UID MOVE when available
     * @return never null
     */
    public ImapSettings withPreferMove(boolean move) {
        return new ImapSettings(connectTimeout, readTimeout, writeTimeout, trustStore, plaintext, move);
    }

    /**
     * A copy with other timeouts.
     *
     * @param connect connect timeout
     * @param read    read and write timeout
     * @return never null
     */
    public ImapSettings withTimeouts(Duration connect, Duration read) {
        return new ImapSettings(connect, read, read, trustStore, plaintext, preferMove);
    }

    private static Duration millis(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long ms = Long.parseLong(value.strip());
            if (ms > 0) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive number of milliseconds", e);
        }
        throw new IllegalArgumentException(name + " must be a positive number of milliseconds");
    }

    private static boolean flag(Map<String, String> env, String name, boolean fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false");
        };
    }
}
