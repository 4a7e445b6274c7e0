package dev.fnbundle.configaudit.service;

import dev.fnbundle.common.fetch.PermanentFetchException;
import dev.fnbundle.common.fetch.SsrfGuard;
import dev.fnbundle.common.fetch.SsrfRefusedException;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Decides at approval time whether a baseline's source URL is one the re-audit may fetch, so a bad URL is a 400
 * now rather than a failed re-audit an hour later. The fetch repeats every check on every hop.
 *
 * <p>https only; plain http only where the guard allows loopback, i.e. on the local runtime, whose test servers
 * have no certificate. A host that does not resolve yet is accepted (it may be created later); one that resolves
 * to a private, loopback or link-local address is refused.
 */
public final class SourceUrlPolicy {
    static final int MAX_LENGTH = 2048;
    /** The request field the URL comes in; its errors name it. */
    static final String FIELD = "sourceUrl";

    private final SsrfGuard guard;

    public SourceUrlPolicy(SsrfGuard guard) {
        this.guard = guard;
    }

    /**
     * @return the URL, parsed
     * @throws InvalidFieldsException naming {@value #FIELD}, saying why it may not be fetched
     */
    public URI check(String url) {
        if (url.length() > MAX_LENGTH) {
            throw new InvalidFieldsException(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidFieldsException(FIELD, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && guard.allowsLoopback())) {
            throw new InvalidFieldsException(FIELD, "must be an https URL");
        }
        try {
            guard.check(uri);
        } catch (SsrfRefusedException e) {
            throw new InvalidFieldsException(FIELD, e.getMessage());
        } catch (PermanentFetchException e) {
            if (e.reason() != PermanentFetchException.Reason.UNKNOWN_HOST) {
                throw new InvalidFieldsException(FIELD, e.getMessage());
            }
        }
        return uri;
    }

    /** The URL as it may be shown: scheme, host, port and path; a query (which may carry a token) elided. */
    public static String redacted(URI url) {
        if (url == null) {
            return null;
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String shown = url.getScheme() + "://" + url.getRawAuthority() + path;
        return url.getRawQuery() == null ? shown : shown + "?[query hidden]";
    }
}
