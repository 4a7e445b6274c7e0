package dev.fnbundle.rss.feeds;

import dev.fnbundle.common.crypto.Digests;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A subscribed feed's URL in normal form, and the feed id derived from it.
 *
 * <p>Normal form: scheme and host lower case, the scheme's default port dropped, an empty path written {@code /},
 * the fragment dropped, path and query kept byte for byte (servers may treat them case-sensitively). The id is the
 * first 24 hex digits (96 bits) of the SHA-256 of the normal form, so the same feed written two ways gets one id
 * and subscribing it twice is detected by a single conditional write.
 *
 * @param uri the normalized URL, never null
 * @param id  24 lower-case hex digits, never null
 */
public record FeedUrl(URI uri, String id) {
    /** The request field a subscription's URL comes in; its errors name it. */
    public static final String FIELD = "url";
    /** Longest URL accepted, in characters. */
    public static final int MAX_LENGTH = 2048;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");

    /**
     * Parses a URL as a client sent it. Only the syntax is checked here; whether it may be fetched is the
     * {@link dev.fnbundle.common.fetch.SsrfGuard}'s decision, made on the result of {@link #syntax(String)}.
     *
     * @throws InvalidFieldsException naming {@value #FIELD} when it is not an absolute URL with a host
     */
    public static URI syntax(String raw) {
        String text = raw.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidFieldsException(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute() || uri.isOpaque()) {
                throw new InvalidFieldsException(FIELD, "must be an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidFieldsException(FIELD, "is not a valid URL: " + e.getReason());
        }
    }

    /**
     * The normal form of a URL that passed the guard (so it has an http(s) scheme and a host).
     *
     * @throws InvalidFieldsException naming {@value #FIELD} when the URL has no host
     */
    public static FeedUrl normalize(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new InvalidFieldsException(FIELD, "must be an absolute http or https URL with a host");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String normal = scheme + "://" + host + (port == -1 ? "" : ":" + port) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new FeedUrl(URI.create(normal), idOf(normal));
    }

    /** Whether {@code text} has the shape of a feed id; anything else cannot name a feed. */
    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    private static String idOf(String normal) {
        return Digests.sha256Hex(normal).substring(0, 24);
    }
}
