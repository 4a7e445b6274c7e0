package dev.fnbundle.embedded;

import java.util.Locale;

/**
 * What a local service accepts from HTTP clients so that a web page cannot drive it. Binding to 127.0.0.1 keeps
 * other machines out, but a browser on this machine is inside: a page can send it requests (CSRF), and a page
 * whose host name it re-points at 127.0.0.1 reads the answers (DNS rebinding). The {@code Host} header tells the
 * second apart (it carries the page's host name), the {@code Origin} header the first (browsers send it with
 * every cross-origin and every non-GET request; command-line clients and SDKs do not).
 */
public final class LoopbackRequests {
    private static final int MAX_HOST_LENGTH = 64;

    private LoopbackRequests() {
    }

    /**
     * True when a {@code Host} header names this machine by a loopback name: {@code localhost}, {@code 127.0.0.1}
     * or {@code [::1]}, with or without a port. A missing header (HTTP/1.0) is refused too.
     */
    public static boolean isLoopbackHost(String host) {
        if (host == null || host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
            return false;
        }
        String name = host;
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && host.indexOf(']') < colon) {
            if (!isPort(host.substring(colon + 1))) {
                return false;
            }
            name = host.substring(0, colon);
        }
        return isLoopbackName(name);
    }

    /**
     * True when an {@code Origin} header is absent (not a browser, or a same-origin GET) or is a page served by
     * this same server: {@code http://} a loopback name and {@code port}. Anything else, {@code null} (sandboxed
     * frames, file pages) included, is another site.
     */
    public static boolean isSameLoopbackOrigin(String origin, int port) {
        if (origin == null) {
            return true;
        }
        String prefix = "http://";
        if (!origin.regionMatches(true, 0, prefix, 0, prefix.length()) || origin.length() > MAX_HOST_LENGTH) {
            return false;
        }
        String authority = origin.substring(prefix.length());
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || authority.indexOf(']') > colon) {
            return port == 80 && isLoopbackName(authority);
        }
        return isPort(authority.substring(colon + 1)) && Integer.parseInt(authority.substring(colon + 1)) == port
                && isLoopbackName(authority.substring(0, colon));
    }

    private static boolean isLoopbackName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("localhost") || lower.equals("127.0.0.1") || lower.equals("[::1]");
    }

    private static boolean isPort(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return Integer.parseInt(text) <= 65_535;
    }
}
