package dev.fnbundle.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MessageConstraintException;

/** Sorts failed statuses and I/O errors into transient and permanent failures. */
final class FetchFailures {
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private FetchFailures() {
    }

    /** Transient for 408, 425, 429 and 5xx other than 501/505; permanent otherwise. */
    static FetchException forStatus(URI url, int status, String retryAfter) {
        boolean transientStatus = status == 408 || status == 425 || status == 429
                || (status >= 500 && status <= 599 && status != 501 && status != 505);
        if (transientStatus) {
            return new TransientFetchException(url, status, "HTTP " + status, parseRetryAfter(retryAfter), null);
        }
        return new PermanentFetchException(PermanentFetchException.Reason.HTTP_STATUS, url, status,
                "HTTP " + status, null);
    }

    /** An I/O failure before or while receiving the response head. */
    static FetchException forIo(URI url, IOException e, boolean pastDeadline) {
        if (pastDeadline) {
            return new TransientFetchException(url, 0, "total fetch timeout exceeded", null, e);
        }
        if (e instanceof UnknownHostException) {
            return new PermanentFetchException(PermanentFetchException.Reason.UNKNOWN_HOST, url, 0,
                    "host does not resolve", e);
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
            return new PermanentFetchException(PermanentFetchException.Reason.TLS, url, 0, "TLS handshake failed", e);
        }
        if (e instanceof ClientProtocolException || e instanceof MessageConstraintException
                || e.getCause() instanceof HttpException) {
            return new PermanentFetchException(PermanentFetchException.Reason.PROTOCOL, url, 0,
                    "malformed HTTP response", e);
        }
        return new TransientFetchException(url, 0, "connection failed: " + e.getClass().getSimpleName(), null, e);
    }

    /** Retry-After as delta-seconds or an HTTP date, clamped to [0, 1 h]; null when absent or unreadable. */
    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        Duration wait;
        if (v.matches("\\d{1,10}")) {
            wait = Duration.ofSeconds(Long.parseLong(v));
        } else {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(Instant.now(), at);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }
}
