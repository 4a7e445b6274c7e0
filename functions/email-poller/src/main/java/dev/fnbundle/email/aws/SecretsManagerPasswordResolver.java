package dev.fnbundle.email.aws;

import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.mailbox.MailboxSecret;
import dev.fnbundle.email.mailbox.PasswordRef;
import dev.fnbundle.email.mailbox.PasswordResolver;
import dev.fnbundle.email.mailbox.Secret;
import dev.fnbundle.email.mailbox.UnresolvablePasswordException;
import dev.fnbundle.email.mailbox.UnusableSecretException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Resolves {@code passwordSecret} references with Secrets Manager's GetSecretValue (the current version), at
 * every poll, so a rotated password is used at the next one. The secret must be a {@link MailboxSecret} made for
 * the mailbox; the password is handed out only after that check, before any connection.
 *
 * <p>A secret that is missing, not readable by the poller (access denied, its KMS key refused), scheduled for
 * deletion, a plain string or made for another mailbox is an {@link UnusableSecretException}, whose message is
 * the same for all of them; only Secrets Manager itself failing (unreachable, throttled, a server error) is an
 * {@link UnresolvablePasswordException}, retried like any outage. Nothing here names a value or a username.
 */
public final class SecretsManagerPasswordResolver implements PasswordResolver {
    private final SecretsManagerClient secrets;

    public SecretsManagerPasswordResolver(SecretsManagerClient secrets) {
        this.secrets = secrets;
    }

    @Override
    public Secret resolve(Mailbox mailbox) {
        if (!(mailbox.password() instanceof PasswordRef.SecretReference reference)) {
            throw new UnresolvablePasswordException("(inline)", "not a Secrets Manager reference", null);
        }
        return MailboxSecret.parse(secretString(reference.secretId())).passwordFor(mailbox);
    }

    private String secretString(String id) {
        try {
            return secrets.getSecretValue(b -> b.secretId(id)).secretString();
        } catch (ResourceNotFoundException e) {
            throw new UnusableSecretException("secret not found", e);
        } catch (SecretsManagerException e) {
            if (e.statusCode() >= 500 || e.isThrottlingException()) {
                throw new UnresolvablePasswordException(id, "Secrets Manager is unavailable (" + errorCode(e) + ")",
                        e);
            }
            // Access denied, a KMS key that refuses, a secret marked for deletion: the caller's business is only
            // that the secret cannot be used.
            throw new UnusableSecretException("Secrets Manager refused: " + errorCode(e), e);
        } catch (SdkException e) {
            throw new UnresolvablePasswordException(id, "Secrets Manager is unreachable", e);
        }
    }

    private static String errorCode(SecretsManagerException e) {
        return e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
    }
}
