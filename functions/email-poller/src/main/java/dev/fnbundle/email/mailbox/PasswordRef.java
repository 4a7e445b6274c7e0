package dev.fnbundle.email.mailbox;

import java.util.Objects;

/** Where a mailbox password comes from. */
public sealed interface PasswordRef {

    /**
     * A reference resolved at poll time: a Secrets Manager ARN or name in AWS, {@code env:NAME} locally.
     *
     * @param secretId never null
     */
    record SecretReference(String secretId) implements PasswordRef {
        public SecretReference {
            Objects.requireNonNull(secretId, "secretId");
        }
    }

    /**
     * A password given inline at registration; accepted only when local use is allowed.
     *
     * @param password never null; prints as {@code ****}
     */
    record InlinePassword(Secret password) implements PasswordRef {
        public InlinePassword {
            Objects.requireNonNull(password, "password");
        }
    }
}
