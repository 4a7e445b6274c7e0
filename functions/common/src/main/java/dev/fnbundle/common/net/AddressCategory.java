package dev.fnbundle.common.net;

import java.util.Locale;

/** What kind of network an IP address belongs to; only {@link #PUBLIC} is fetched from by default. */
public enum AddressCategory {
    /** Globally routable unicast. */
    PUBLIC,
    /** 127.0.0.0/8, ::1. */
    LOOPBACK,
    /** 10/8, 172.16/12, 192.168/16 and the deprecated IPv6 site-local fec0::/10. */
    PRIVATE,
    /** 100.64.0.0/10, carrier-grade NAT: private in practice. */
    SHARED,
    /** 169.254/16 (cloud metadata lives at 169.254.169.254), fe80::/10. */
    LINK_LOCAL,
    /** fc00::/7. */
    UNIQUE_LOCAL,
    /** 224/4, ff00::/8. */
    MULTICAST,
    /** 0.0.0.0/8 ("this network"; connecting to 0.0.0.0 reaches the local host), ::. */
    UNSPECIFIED,
    /** 255.255.255.255. */
    BROADCAST,
    /** Documentation, benchmarking, protocol-assignment, relay and future-use ranges, and IPv6 outside 2000::/3. */
    RESERVED;

    /** Lower-case words for messages, e.g. {@code link local}. */
    public String describe() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
