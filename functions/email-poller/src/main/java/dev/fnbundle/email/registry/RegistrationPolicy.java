package dev.fnbundle.email.registry;

import dev.fnbundle.common.fetch.AddressCategory;
import dev.fnbundle.common.fetch.AddressClassifier;
import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.email.mailbox.MailboxRegistration;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The deployment's rules on top of {@link dev.fnbundle.email.mailbox.MailboxRegistrationValidator}: where
 * passwords may come from and which hosts may be polled. Thread-safe.
 *
 * <p>In AWS ({@code localMode} false) a {@code passwordSecret} must name a Secrets Manager secret under the
 * configured prefix (by name or ARN), because the poller may read only those; {@code env:NAME} references would
 * read the function's own environment and are refused; and the host must not be {@code localhost} or an IP
 * literal outside the public ranges. In local mode the local mail server on 127.0.0.1 and {@code env:NAME}
 * references are allowed.
 */
public final class RegistrationPolicy {
    private static final String ENV_PREFIX = "env:";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern SECRET_ARN = Pattern.compile("arn:[a-z-]+:secretsmanager:[a-z0-9-]+:\\d{12}:secret:"
            + "(.+)");

    private final boolean localMode;
    private final String secretPrefix;

    /**
     * @param localMode    true only in the local runtime
     * @param secretPrefix the secret name prefix the poller may read; empty allows any name
     */
    public RegistrationPolicy(boolean localMode, String secretPrefix) {
        this.localMode = localMode;
        this.secretPrefix = secretPrefix == null ? "" : secretPrefix;
    }

    /** @return whether inline passwords and loopback hosts are allowed */
    public boolean localMode() {
        return localMode;
    }

    /**
     * The rule violations of a registration; the validator checks the fields themselves.
     *
     * @param registration never null
     * @return never null; empty when the registration is acceptable here
     */
    public List<FieldError> check(MailboxRegistration registration) {
        var errors = new ArrayList<FieldError>();
        String secret = registration.passwordSecret();
        if (secret != null && !secret.isEmpty() && !localMode) {
            if (secret.startsWith(ENV_PREFIX)) {
                errors.add(new FieldError("passwordSecret", "env: references work only in the local runtime; name"
                        + " a Secrets Manager secret"));
            } else if (!secretName(secret).startsWith(secretPrefix)) {
                errors.add(new FieldError("passwordSecret", "must name a Secrets Manager secret whose name starts"
                        + " with " + secretPrefix));
            }
        }
        String host = registration.host();
        if (host != null && !localMode && !publicHost(host)) {
            errors.add(new FieldError("host", "must be a public host name or address"));
        }
        return errors;
    }

    private static String secretName(String secret) {
        var arn = SECRET_ARN.matcher(secret);
        return arn.matches() ? arn.group(1) : secret;
    }

    private static boolean publicHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost") || name.equals("localhost.")) {
            return false;
        }
        if (!IPV4.matcher(name).matches()) {
            return true;
        }
        try {
            // An IPv4 literal: InetAddress parses it without a DNS lookup.
            return AddressClassifier.classify(InetAddress.getByName(name)) == AddressCategory.PUBLIC;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
