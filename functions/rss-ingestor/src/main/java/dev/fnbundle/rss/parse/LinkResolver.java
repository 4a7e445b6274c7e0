package dev.fnbundle.rss.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the URLs feeds contain into absolute http(s) URLs: trims them, percent-encodes characters URIs forbid
 * (spaces, non-ASCII), resolves relative references against a base (xml:base or the feed URL) by RFC 3986, and
 * refuses every other scheme ({@code javascript:}, {@code data:}, {@code file:}) so a link is always safe to follow.
 */
final class LinkResolver {
    private static final String ALLOWED_PUNCTUATION = "-._~:/?#[]@!$&'()*+,;=%";
    private static final String HEX = "0123456789ABCDEF";

    private LinkResolver() {
    }

    /** Why a link was refused. */
    enum Failure { MALFORMED, RELATIVE_WITHOUT_BASE, SCHEME }

    /** A resolved link, or the reason there is none. */
    record Result(String url, Failure failure) {
    }

    /**
     * @param base base URI, may be null
     * @param raw  the link as written, may be null
     * @return the absolute URL, or a failure; a null or blank {@code raw} gives {@code (null, null)}
     */
    static Result resolve(URI base, String raw) {
        if (raw == null || raw.isBlank()) {
            return new Result(null, null);
        }
        String link = raw.strip();
        // Nearly every link in a feed is already an absolute http(s) URL in plain ASCII: java.net.URI would return
        // it unchanged, so it is accepted after a character check instead of a full parse.
        return isPlainAbsoluteHttp(link) ? new Result(link, null) : parseAndResolve(base, link);
    }

    /** The general path: encode, parse, resolve, check the scheme. */
    static Result parseAndResolve(URI base, String link) {
        URI uri = parse(link);
        if (uri == null) {
            return new Result(null, Failure.MALFORMED);
        }
        if (!uri.isAbsolute()) {
            if (base == null || !base.isAbsolute()) {
                return new Result(null, Failure.RELATIVE_WITHOUT_BASE);
            }
            uri = resolveAgainst(base, uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getRawAuthority() == null) {
            return new Result(null, Failure.SCHEME);
        }
        return new Result(uri.toASCIIString(), null);
    }

    /**
     * True for {@code http://} or {@code https://}, a non-empty host of letters, digits, dots and hyphens, and a
     * rest made only of URI characters with well-formed percent escapes and at most one {@code #}: exactly the
     * strings {@link #parseAndResolve} would return unchanged.
     */
    static boolean isPlainAbsoluteHttp(String s) {
        int hostStart = s.startsWith("https://") ? 8 : s.startsWith("http://") ? 7 : -1;
        if (hostStart < 0) {
            return false;
        }
        int i = hostStart;
        while (i < s.length() && isHostChar(s.charAt(i))) {
            i++;
        }
        if (i == hostStart || (i < s.length() && "/?#".indexOf(s.charAt(i)) < 0)) {
            return false;
        }
        boolean fragment = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            } else if (c == '#') {
                if (fragment) {
                    return false;
                }
                fragment = true;
            } else if (!(c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    /** Resolves an {@code xml:base} value against its parent's base; null when it cannot be parsed. */
    static URI resolveBase(URI parent, String xmlBase) {
        URI uri = parse(xmlBase.strip());
        if (uri == null) {
            return null;
        }
        if (uri.isAbsolute() || parent == null || !parent.isAbsolute()) {
            return uri;
        }
        return resolveAgainst(parent, uri);
    }

    private static URI resolveAgainst(URI base, URI reference) {
        URI normalizedBase = base;
        if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
            // java.net.URI resolves "x" against "http://host" to "http://hostx"; an empty path means "/".
            normalizedBase = URI.create(base.getScheme() + "://" + base.getRawAuthority() + "/");
        }
        String ref = reference.toString();
        if (ref.startsWith("?")) {
            // RFC 3986 5.2.2: a query-only reference keeps the base path (java.net.URI follows RFC 2396 here).
            String basePart = normalizedBase.toString();
            int cut = indexOfAny(basePart, '?', '#');
            return URI.create((cut < 0 ? basePart : basePart.substring(0, cut)) + ref);
        }
        return normalizedBase.resolve(reference);
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    private static URI parse(String text) {
        try {
            return new URI(encodeForbidden(text));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String encodeForbidden(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c < 0x80 && (Character.isLetterOrDigit(c) || ALLOWED_PUNCTUATION.indexOf(c) >= 0);
            if (allowed) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            int cp = text.codePointAt(i);
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
            }
            i += Character.charCount(cp) - 1;
        }
        return out == null ? text : out.toString();
    }
}
