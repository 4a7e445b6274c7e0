package dev.fnbundle.configaudit.semantic;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which values are secrets and masks them.
 *
 * <p>A key is secret when its name (the last named segment of its path, see {@link ConfigEntry#name()}),
 * lower-cased, contains one of {@link #MARKERS}: so {@code db.password}, {@code API_KEY}, {@code apiKey},
 * {@code ssl_certificate_key}, {@code client-secret} and {@code tokens[0]} are secret, {@code password.min_length}
 * is not. Secret values become {@value #MASK}. Every other value still has the password of any URL user-info
 * masked ({@code postgres://app:******@db:5432}).
 */
public final class SecretPolicy {
    /** The replacement for a secret value. */
    public static final String MASK = "******";
    /** Case-insensitive substrings of a key name that make its value secret. */
    public static final List<String> MARKERS = List.of("password", "passwd", "passphrase", "pwd", "secret", "token",
            "key", "private", "credential");

    private static final Pattern URL_PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*):[^/\\s@]*@");

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

    /** The value to show for a key of this name: {@link #MASK} for secrets, else URL passwords masked. */
    public static String maskValue(String name, String value) {
        return isSecretName(name) ? MASK : maskUrlPasswords(value);
    }

    /** Replaces the password part of every {@code scheme://user:password@} in the text. */
    public static String maskUrlPasswords(String text) {
        if (text.indexOf("://") < 0) {
            return text;
        }
        return URL_PASSWORD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1))
                + ":" + MASK + "@");
    }
}
