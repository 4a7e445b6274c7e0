package dev.fnbundle.configaudit.secrets;

import java.util.List;
import java.util.Locale;

/**
 * Decides which keys hold secrets.
 *
 * <p>A key is secret when its name, lower-cased, contains one of {@link #MARKERS}: {@code password},
 * {@code API_KEY}, {@code apiKey}, {@code ssl_certificate_key}, {@code client-secret}, {@code credentials}. The
 * parsers apply this to every named segment of a path, so every value below a secret key is secret too
 * ({@code credentials.user}, {@code api_keys[0]}, {@code password.min_length}): over-masking is accepted, leaking
 * is not. Any other value still has the password of a URL's user-info masked ({@code postgres://app:******@db}).
 */
public final class SecretPolicy {
    /** The replacement for a secret value. */
    public static final String MASK = "******";
    /** Case-insensitive substrings of a key name that make its value secret. */
    public static final List<String> MARKERS = List.of("password", "passwd", "passphrase", "pwd", "secret", "token",
            "key", "private", "credential");

    private SecretPolicy() {
    }

    /** True when a key with this name holds a secret; null-safe (null is not secret). */
    public static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (lower.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** The text with the password of every {@code scheme://user:password@host} replaced ({@link UrlPasswords}). */
    public static String maskUrlPasswords(String text) {
        return TextMasks.apply(text, UrlPasswords.find(text));
    }
}
