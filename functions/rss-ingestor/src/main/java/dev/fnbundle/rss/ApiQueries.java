package dev.fnbundle.rss;

import dev.fnbundle.common.http.ApiRequest;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** Reads and checks the query parameters and headers of the RSS API; every mistake is a 400 naming it. */
final class ApiQueries {
    private ApiQueries() {
    }

    /** {@code since}: an ISO-8601 instant, date-time with offset or date (midnight UTC); default a day ago. */
    static Instant since(ApiRequest request, Instant now) {
        Optional<String> raw = request.query("since");
        if (raw.isEmpty()) {
            return now.minusSeconds(24 * 3600);
        }
        String text = raw.get().strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidFieldsException("since", "must be an ISO-8601 date-time with offset, e.g. "
                    + "2026-01-31T08:00:00Z, or a date");
        }
    }

    /** {@code base}: an absolute http(s) URL to resolve the feed's relative links against, or null. */
    static URI base(ApiRequest request) {
        Optional<String> raw = request.query("base");
        if (raw.isEmpty()) {
            return null;
        }
        try {
            URI base = new URI(raw.get().strip());
            String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
            if (base.getHost() != null && (scheme.equals("http") || scheme.equals("https"))) {
                return base;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidFieldsException("base", "must be an absolute http or https URL");
    }

    /** The charset parameter of the Content-Type, when present and known; the document's own declaration wins. */
    static Charset charset(ApiRequest request) {
        String type = request.header("content-type").orElse("");
        for (String parameter : type.split(";")) {
            String p = parameter.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).replace("\"", "").strip();
                try {
                    return Charset.isSupported(name) ? Charset.forName(name) : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
