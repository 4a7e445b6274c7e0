package dev.fnbundle.email.mailbox;

import java.util.Map;
import java.util.Objects;

/**
 * The poller's resolver: Secrets Manager for secret references (whose secrets are bound to their mailbox, see
 * {@link MailboxSecret}), and, in local mode only, inline passwords and {@code env:NAME} references. Outside local
 * mode an {@code env:} reference is refused rather than read, because it would hand the function's own environment
 * (its AWS credentials among it) to whatever host the mailbox names. Thread-safe when the delegate is.
 */
public final class RoutingPasswordResolver implements PasswordResolver {
    private static final String ENV_PREFIX = "env:";
    private final boolean localMode;
    private final PasswordResolver local;
    private final PasswordResolver secrets;

    /**
     * @param localMode   true only in the local runtime
     * @param environment the variables {@code env:NAME} may read in local mode; never null
     * @param secrets     resolves Secrets Manager references; never null
     */
    public RoutingPasswordResolver(boolean localMode, Map<String, String> environment, PasswordResolver secrets) {
        this.localMode = localMode;
        this.local = new LocalPasswordResolver(environment);
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public Secret resolve(Mailbox mailbox) {
        return switch (mailbox.password()) {
            case PasswordRef.InlinePassword inline when localMode -> inline.password();
            case PasswordRef.InlinePassword inline -> throw new UnresolvablePasswordException("(inline)",
                    "inline passwords are accepted only in local mode", null);
            case PasswordRef.SecretReference reference when reference.secretId().startsWith(ENV_PREFIX) -> {
                if (!localMode) {
                    throw new UnresolvablePasswordException(reference.secretId(),
                            "env: references work only in the local runtime", null);
                }
                yield local.resolve(mailbox);
            }
            case PasswordRef.SecretReference reference -> secrets.resolve(mailbox);
        };
    }
}
