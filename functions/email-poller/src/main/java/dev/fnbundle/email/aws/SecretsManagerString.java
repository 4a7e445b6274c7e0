package dev.fnbundle.email.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A configuration secret's string (the IMAP trust store's password), read from Secrets Manager when it is first
 * asked for and then kept for the life of the execution environment: never at init, so a SnapStart snapshot
 * does not hold it, and once, so a poll does not pay a call for it. A failed read is not kept; the next call tries
 * again. Thread-safe.
 */
public final class SecretsManagerString implements Supplier<String> {
    private final SecretsManagerClient secrets;
    private final String secretId;
    private volatile String value;

    /**
     * @param secretId the secret's ARN (the poller's policy allows GetSecretValue on that one secret)
     */
    public SecretsManagerString(SecretsManagerClient secrets, String secretId) {
        this.secrets = secrets;
        this.secretId = secretId;
    }

    /**
     * @return the secret's string; never null
     * @throws IllegalStateException when the secret cannot be read or has no string; the message names the
     *                               secret, never a value
     */
    @Override
    public String get() {
        String read = value;
        if (read == null) {
            synchronized (this) {
                read = value;
                if (read == null) {
                    read = fetch();
                    value = read;
                }
            }
        }
        return read;
    }

    private String fetch() {
        String read;
        try {
            read = secrets.getSecretValue(b -> b.secretId(secretId)).secretString();
        } catch (SdkException e) {
            throw new IllegalStateException("cannot read secret " + secretId, e);
        }
        if (read == null) {
            throw new IllegalStateException("secret " + secretId + " has no string value");
        }
        return read;
    }

    @Override
    public String toString() {
        return "SecretsManagerString[" + secretId + "]";
    }
}
