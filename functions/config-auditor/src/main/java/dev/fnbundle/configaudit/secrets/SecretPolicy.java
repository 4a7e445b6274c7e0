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

    /**
     * True when a key with this name holds a secret; null-safe (null is not secret). Linear in the name and, for
     * ASCII names (nearly all), free of allocation: it runs once per key-like token of every line an audit shows.
     */
    public static boolean isSecretName(String name) {
        return name != null && isSecretName(name, 0, name.length());
    }

    /** {@link #isSecretName(String)} of {@code text[from, to)}, read in place. */
    static boolean isSecretName(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // Unicode lower-casing (the Kelvin sign is a 'k'): the exact rule, by the slow path.
                return containsMarker(text.substring(from, to).toLowerCase(Locale.ROOT));
            }
            boolean found = switch (c | 0x20) {
                case 'p' -> asciiMarkerAt(text, i, to, "password") || asciiMarkerAt(text, i, to, "passwd")
                        || asciiMarkerAt(text, i, to, "passphrase") || asciiMarkerAt(text, i, to, "pwd")
                        || asciiMarkerAt(text, i, to, "private");
                case 's' -> asciiMarkerAt(text, i, to, "secret");
                case 't' -> asciiMarkerAt(text, i, to, "token");
                case 'k' -> asciiMarkerAt(text, i, to, "key");
                case 'c' -> asciiMarkerAt(text, i, to, "credential");
                default -> false;
            };
            if (found) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsMarker(String lower) {
        for (String marker : MARKERS) {
            if (lower.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code marker} (lower-case ASCII) stands at {@code from} before {@code to}, ignoring ASCII case. */
    private static boolean asciiMarkerAt(String text, int from, int to, String marker) {
        if (from + marker.length() > to) {
            return false;
        }
        for (int k = 0; k < marker.length(); k++) {
            char c = text.charAt(from + k);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != marker.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The text with the password of every {@code scheme://user:password@host} replaced ({@link UrlPasswords}). */
    public static String maskUrlPasswords(String text) {
        return TextMasks.apply(text, UrlPasswords.find(text));
    }
}
