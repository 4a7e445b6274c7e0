package dev.fnbundle.fetch;

import dev.fnbundle.common.net.AddressCategory;
import java.net.URI;
import java.util.Objects;

/**
 * A URL was refused before any connection was made, because of its form or because its host is (or resolves
 * to) an address that is not public. The message says why in terms a client can act on (HTTP 400).
 */
public final class SsrfRefusedException extends PermanentFetchException {
    private static final long serialVersionUID = 1L;

    /** Why a URL was refused. */
    public enum Why {
        /** Not http or https. */
        SCHEME,
        /** {@code user:password@} in the URL. */
        USERINFO,
        /** No host, or a host that is not a valid name or address. */
        BAD_HOST,
        /** A privileged port other than 80 and 443. */
        PORT,
        /** A numeric host written in a non-canonical form (decimal, octal, hex, shortened). */
        NON_CANONICAL_ADDRESS,
        /** The host is, or resolves to, a non-public address (see {@link #category()}). */
        FORBIDDEN_ADDRESS
    }

    private final Why why;
    private final AddressCategory category;

    /**
     * @param category the offending address's category for {@code NON_CANONICAL_ADDRESS} and
     *                 {@code FORBIDDEN_ADDRESS}, else null
     */
    public SsrfRefusedException(Why why, AddressCategory category, URI url, String message) {
        super(Reason.REFUSED, url, 0, message, null);
        this.why = Objects.requireNonNull(why, "why");
        this.category = category;
    }

    /** Never null. */
    public Why why() {
        return why;
    }

    /** The category of the refused address, or null when the refusal is about the URL's form. */
    public AddressCategory category() {
        return category;
    }
}
