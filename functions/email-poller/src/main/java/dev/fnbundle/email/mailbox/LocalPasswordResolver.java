package dev.fnbundle.email.mailbox;

import java.util.Map;
import java.util.Objects;

/**
 * The resolver for local runs and tests: an inline password (stored with its mailbox, so bound to it) is returned
 * as is, and {@code env:NAME} reads the environment variable NAME. Any other reference is unresolvable here (it
 * is a Secrets Manager id).
 */
public final class LocalPasswordResolver implements PasswordResolver {
    private static final String ENV_PREFIX = "env:";
    private final Map<String, String> environment;

    /**
     * @param environment the variables to read, usually {@code System.getenv()}; never null
     */
    public LocalPasswordResolver(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    @Override
    public Secret resolve(Mailbox mailbox) {
        return switch (mailbox.password()) {
            case PasswordRef.InlinePassword inline -> inline.password();
            case PasswordRef.SecretReference reference -> fromEnvironment(reference.secretId());
        };
    }

    private Secret fromEnvironment(String secretId) {
        if (secretId.startsWith(ENV_PREFIX)) {
            String value = environment.get(secretId.substring(ENV_PREFIX.length()));
            if (value != null) {
                return new Secret(value);
            }
        }
        throw new UnresolvablePasswordException(secretId);
    }
}
