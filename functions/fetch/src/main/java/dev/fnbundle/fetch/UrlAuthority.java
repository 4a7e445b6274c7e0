package dev.fnbundle.fetch;

import java.net.URI;
import java.util.Locale;

/**
 * The host and effective port of a URL, read from the raw authority because {@link URI#getHost()} is null for
 * hosts it does not consider names ({@code 0x7f.1}, {@code 2130706433}), which are exactly the tricky ones.
 *
 * @param host lower case, without IPv6 brackets or a trailing dot
 * @param port explicit port, else 80 for http and 443 for https
 */
record UrlAuthority(String host, int port) {

    /** @return the authority, or null when there is no usable host or the port is not 1-65535 */
    static UrlAuthority parse(URI url, String scheme) {
        String authority = url.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            return null;
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return null;
                }
                portText = rest.substring(1);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.contains("%") && !authority.startsWith("[") || !validHostChars(host)) {
            return null;
        }
        int port = scheme.equals("https") ? 443 : 80;
        if (portText != null && !portText.isEmpty()) {
            if (!portText.matches("\\d{1,5}")) {
                return null;
            }
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                return null;
            }
        }
        return new UrlAuthority(host, port);
    }

    private static boolean validHostChars(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':'
                    || c == '_' || c == '%';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
