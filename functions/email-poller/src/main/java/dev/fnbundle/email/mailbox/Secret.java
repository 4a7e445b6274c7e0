package dev.fnbundle.email.mailbox;

import java.util.Objects;

/**
 * A password that never shows itself: {@link #toString()} is {@code ****}, so records holding a secret can be
 * logged. Only the IMAP adapter calls {@link #reveal()}.
 */
public final class Secret {
    private final String value;

    /**
     * Wraps a secret value.
     *
     * @param value never null
     */
    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * The secret itself, for the one call that needs it (the IMAP login).
     *
     * @return never null
     */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
