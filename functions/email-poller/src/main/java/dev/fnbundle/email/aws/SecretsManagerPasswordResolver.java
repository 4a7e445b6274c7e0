package dev.fnbundle.email.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.json.MalformedJsonException;
import dev.fnbundle.email.mailbox.PasswordRef;
import dev.fnbundle.email.mailbox.PasswordResolver;
import dev.fnbundle.email.mailbox.Secret;
import dev.fnbundle.email.mailbox.UnresolvablePasswordException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Resolves {@code passwordSecret} references with Secrets Manager's GetSecretValue (the current version). The
 * secret's string is the password itself, or a JSON object with a {@code password} member (the shape the
 * console's "other type of secret" key/value editor makes). Nothing is cached, so a rotated password is used at
 * the next poll. Failures name the secret and the kind of failure, never a value.
 */
public final class SecretsManagerPasswordResolver implements PasswordResolver {
    private final SecretsManagerClient secrets;

    public SecretsManagerPasswordResolver(SecretsManagerClient secrets) {
        this.secrets = secrets;
    }

    @Override
    public Secret resolve(PasswordRef ref) {
        if (!(ref instanceof PasswordRef.SecretReference reference)) {
            throw new UnresolvablePasswordException("(inline)", "not a Secrets Manager reference", null);
        }
        String id = reference.secretId();
        String value;
        try {
            value = secrets.getSecretValue(b -> b.secretId(id)).secretString();
        } catch (ResourceNotFoundException e) {
            throw new UnresolvablePasswordException(id, "secret not found", e);
        } catch (DecryptionFailureException e) {
            throw new UnresolvablePasswordException(id, "the secret cannot be decrypted with its KMS key", e);
        } catch (SecretsManagerException e) {
            throw new UnresolvablePasswordException(id, e.statusCode() == 400 && "AccessDeniedException".equals(
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode())
                    ? "access denied" : "Secrets Manager refused: " + errorCode(e), e);
        } catch (SdkException e) {
            throw new UnresolvablePasswordException(id, "Secrets Manager is unreachable", e);
        }
        if (value == null || value.isEmpty()) {
            throw new UnresolvablePasswordException(id, "the secret has no string value", null);
        }
        return new Secret(password(id, value));
    }

    private static String password(String id, String value) {
        if (!value.startsWith("{")) {
            return value;
        }
        JsonNode json;
        try {
            json = Json.parse(value);
        } catch (MalformedJsonException e) {
            return value;
        }
        JsonNode password = json.get("password");
        if (password == null || !password.isTextual() || password.textValue().isEmpty()) {
            throw new UnresolvablePasswordException(id, "the secret is a JSON object without a \"password\" string",
                    null);
        }
        return password.textValue();
    }

    private static String errorCode(SecretsManagerException e) {
        return e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
    }
}
