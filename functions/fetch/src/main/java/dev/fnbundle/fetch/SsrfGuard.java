package dev.fnbundle.fetch;

import dev.fnbundle.common.net.AddressCategory;
import dev.fnbundle.common.net.AddressClassifier;
import dev.fnbundle.fetch.SsrfRefusedException.Why;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a URL may be fetched from this network position, before any connection is made.
 *
 * <p>A URL is refused when: its scheme is not http(s); it carries {@code user:password@}; its host is missing or
 * malformed, an IPv6 literal with a zone, or a numeric IPv4 in a non-canonical form ({@code 2130706433},
 * {@code 0x7f.1}); its port is privileged and not 80 or 443 (no feed lives on SSH or SMTP ports, and those are the
 * classic cross-protocol targets); or ANY address it resolves to is not {@link AddressCategory#PUBLIC}
 * (so a name with one public and one private record is refused). {@code localhost} and {@code *.localhost} are
 * loopback by name. Loopback is allowed only with the explicit allow-loopback flag, meant for the local runtime
 * serving a demo feed; it is off by default.
 *
 * <p>The check is repeated when connecting ({@link #resolveChecked}), on the addresses actually used, so a DNS
 * answer that changes between check and connect cannot slip through. Thread-safe.
 */
public final class SsrfGuard {
    /** Environment variable that, set to {@code true}, lets the local runtime fetch from loopback. */
    public static final String ALLOW_LOOPBACK_ENV = "FETCH_ALLOW_LOOPBACK";

    private final boolean allowLoopback;
    private final HostResolver resolver;

    /** A guard using the system resolver. */
    public SsrfGuard(boolean allowLoopback) {
        this(allowLoopback, HostResolver.system());
    }

    /** @throws NullPointerException if {@code resolver} is null */
    public SsrfGuard(boolean allowLoopback, HostResolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Loopback allowed only when {@value #ALLOW_LOOPBACK_ENV} is exactly {@code true} (case-insensitive). */
    public static SsrfGuard fromEnvironment(Map<String, String> env) {
        return new SsrfGuard("true".equalsIgnoreCase(env.getOrDefault(ALLOW_LOOPBACK_ENV, "false").strip()));
    }

    /** Whether this guard lets loopback through. */
    public boolean allowsLoopback() {
        return allowLoopback;
    }

    /**
     * Checks a URL and resolves its host.
     *
     * @throws SsrfRefusedException      when the URL may not be fetched, saying why
     * @throws PermanentFetchException   {@code UNKNOWN_HOST} when the host does not resolve
     * @throws NullPointerException      if {@code url} is null
     */
    public CheckedTarget check(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SsrfRefusedException(Why.SCHEME, null, url, "only http and https URLs can be fetched");
        }
        if (url.getRawUserInfo() != null || (url.getRawAuthority() != null && url.getRawAuthority().contains("@"))) {
            throw new SsrfRefusedException(Why.USERINFO, null, url, "URLs with user:password@ are not accepted");
        }
        UrlAuthority authority = UrlAuthority.parse(url, scheme);
        if (authority == null) {
            throw new SsrfRefusedException(Why.BAD_HOST, null, url, "the URL has no valid host");
        }
        int port = authority.port();
        if (port < 1024 && port != 80 && port != 443) {
            throw new SsrfRefusedException(Why.PORT, null, url, "port " + port + " is not allowed (80, 443 or"
                    + " 1024-65535)");
        }
        InetAddress[] addresses = addressesOf(url, authority.host());
        return new CheckedTarget(url, authority.host(), port, List.of(addresses));
    }

    /**
     * Resolves and checks a host at connection time; the returned addresses are the only ones to connect to.
     *
     * @throws SsrfRefusedException when any address is not allowed
     * @throws UnknownHostException when the host does not resolve
     */
    public InetAddress[] resolveChecked(String host) throws UnknownHostException {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        try {
            return addressesOf(null, h.endsWith(".") ? h.substring(0, h.length() - 1) : h);
        } catch (PermanentFetchException e) {
            if (e instanceof SsrfRefusedException refused) {
                throw refused;
            }
            throw new UnknownHostException(host);
        }
    }

    private InetAddress[] addressesOf(URI url, String host) {
        if (host.contains(":")) {
            return new InetAddress[] {allowed(url, host, ipv6Literal(url, host))};
        }
        Inet4Address numeric = NumericHost.parse(host);
        if (numeric != null) {
            if (!numeric.getHostAddress().equals(host)) {
                throw new SsrfRefusedException(Why.NON_CANONICAL_ADDRESS, AddressClassifier.classify(numeric), url,
                        "the host is a non-canonical form of " + numeric.getHostAddress() + "; write it as "
                                + "dotted decimal");
            }
            return new InetAddress[] {allowed(url, host, numeric)};
        }
        boolean localName = host.equals("localhost") || host.endsWith(".localhost");
        if (localName && !allowLoopback) {
            throw forbidden(url, host, AddressCategory.LOOPBACK);
        }
        InetAddress[] resolved = resolve(url, host);
        for (InetAddress address : resolved) {
            allowed(url, host, address);
            if (localName && AddressClassifier.classify(address) != AddressCategory.LOOPBACK) {
                throw forbidden(url, host, AddressClassifier.classify(address));
            }
        }
        return resolved;
    }

    private InetAddress[] resolve(URI url, String host) {
        try {
            InetAddress[] resolved = resolver.resolve(host);
            if (resolved == null || resolved.length == 0) {
                throw new UnknownHostException(host);
            }
            return resolved;
        } catch (UnknownHostException e) {
            throw new PermanentFetchException(PermanentFetchException.Reason.UNKNOWN_HOST, url, 0,
                    "host " + host + " does not resolve", e);
        }
    }

    private static InetAddress ipv6Literal(URI url, String host) {
        if (host.contains("%") || !host.matches("[0-9a-f:.]+")) {
            throw new SsrfRefusedException(Why.BAD_HOST, null, url, "IPv6 literal with a zone or invalid form");
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new SsrfRefusedException(Why.BAD_HOST, null, url, "invalid IPv6 literal");
        }
    }

    private InetAddress allowed(URI url, String host, InetAddress address) {
        AddressCategory category = AddressClassifier.classify(address);
        if (category == AddressCategory.PUBLIC || (category == AddressCategory.LOOPBACK && allowLoopback)) {
            return address;
        }
        throw forbidden(url, host, category);
    }

    private static SsrfRefusedException forbidden(URI url, String host, AddressCategory category) {
        return new SsrfRefusedException(Why.FORBIDDEN_ADDRESS, category, url,
                "host " + host + " is or resolves to a " + category.describe() + " address, which is not fetched");
    }
}
