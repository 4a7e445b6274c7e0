package dev.fnbundle.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A URL that passed {@link SsrfGuard#check}, with the addresses that were checked.
 *
 * @param url       the URL as given
 * @param host      the host, lower case, without brackets or trailing dot
 * @param port      the effective port (default for the scheme when absent)
 * @param addresses every address the host resolved to, all allowed; never empty
 */
public record CheckedTarget(URI url, String host, int port, List<InetAddress> addresses) {
    /** @throws NullPointerException if any component is null */
    public CheckedTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        addresses = List.copyOf(addresses);
    }
}
