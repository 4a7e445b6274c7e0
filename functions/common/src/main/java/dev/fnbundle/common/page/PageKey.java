package dev.fnbundle.common.page;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One page-token signing key: a short public id (written into every token it signs, so verification finds the key
 * without trying each), the secret, and when it was made (rotation is by age). The secret never appears in
 * {@link #toString()}.
 */
public record PageKey(String id, byte[] secret, Instant createdAt) {
    /** Key ids are short and URL-safe: they travel inside tokens. */
    public static final int MAX_ID_LENGTH = 32;
    /** 256 bits, HMAC-SHA256's block-size-independent recommendation. */
    public static final int SECRET_BYTES = 32;

    public PageKey {
        if (!isWellFormedId(id)) {
            throw new IllegalArgumentException("a key id is 1-" + MAX_ID_LENGTH + " characters of [A-Za-z0-9_-]");
        }
        if (secret.length < SECRET_BYTES) {
            throw new IllegalArgumentException("a page-token key has at least " + SECRET_BYTES + " bytes");
        }
        secret = secret.clone();
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A copy of the secret. */
    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** Whether {@code id} can name a key: checked before any lookup of an id read from a token. */
    public static boolean isWellFormedId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageKey key && id.equals(key.id) && Arrays.equals(secret, key.secret)
                && createdAt.equals(key.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, createdAt);
    }

    @Override
    public String toString() {
        return "PageKey[id=" + id + ", createdAt=" + createdAt + "]";
    }
}
