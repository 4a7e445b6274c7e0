package dev.fnbundle.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to turn a host into addresses: every answer passes {@link SsrfGuard} again, so the
 * socket connects to an address that was checked, whatever DNS said earlier. TLS still uses the host name for SNI
 * and certificate verification, because the client keeps the name and only asks here for addresses.
 */
final class GuardedDnsResolver implements DnsResolver {
    private final SsrfGuard guard;

    GuardedDnsResolver(SsrfGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return guard.resolveChecked(host);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        // No reverse lookups: the canonical name is never needed for fetching and would leak queries.
        return host;
    }
}
