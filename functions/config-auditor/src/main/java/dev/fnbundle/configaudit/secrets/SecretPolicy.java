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

    /**
     * {@link #isSecretName(String)} of {@code text[from, to)}, read in place. ASCII names are searched for all
     * markers at once (bit-parallel Shift-And over their concatenation: one table lookup and three bit operations
     * per character); a name with any other character takes the exact Unicode rule.
     */
    public static boolean isSecretName(String text, int from, int to) {
        long state = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // Unicode lower-casing (the Kelvin sign is a 'k'): the exact rule, by the slow path.
                return containsMarker(text.substring(from, to).toLowerCase(Locale.ROOT));
            }
            state = (state << 1 | MarkerAutomaton.STARTS) & MarkerAutomaton.MASKS[c];
            if ((state & MarkerAutomaton.ENDS) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * False only when no key named anywhere in {@code text[from, to)} can be secret: the text is ASCII, has no
     * backslash (an escape could spell a marker, {@code pass\u0077ord}) and contains no marker. Every key a
     * scanner finds there is a substring of it (quotes' {@code ''} decodes to {@code '}, which joins no letters),
     * so a line this rejects needs no key-by-key look. One pass of the same automaton as {@link #isSecretName}.
     */
    static boolean mayNameSecret(String text, int from, int to) {
        long state = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == '\\') {
                return true;
            }
            state = (state << 1 | MarkerAutomaton.STARTS) & MarkerAutomaton.MASKS[c];
            if ((state & MarkerAutomaton.ENDS) != 0) {
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

    /**
     * The markers concatenated into one 64-bit Shift-And automaton: bit k stands for "the last characters read
     * spell the concatenation's first k + 1 characters of some marker"; {@code MASKS[c]} has the bits of the
     * positions holding {@code c} (either ASCII case).
     */
    private static final class MarkerAutomaton {
        static final long[] MASKS = new long[128];
        static final long STARTS;
        static final long ENDS;

        static {
            long starts = 0;
            long ends = 0;
            int bit = 0;
            for (String marker : MARKERS) {
                starts |= 1L << bit;
                for (int k = 0; k < marker.length(); k++, bit++) {
                    char c = marker.charAt(k);
                    MASKS[c] |= 1L << bit;
                    MASKS[Character.toUpperCase(c)] |= 1L << bit;
                }
                ends |= 1L << (bit - 1);
            }
            if (bit > Long.SIZE) {
                throw new ExceptionInInitializerError("markers longer than 64 characters in all");
            }
            STARTS = starts;
            ENDS = ends;
        }
    }

    /** The text with the password of every {@code scheme://user:password@host} replaced ({@link UrlPasswords}). */
    public static String maskUrlPasswords(String text) {
        return TextMasks.apply(text, UrlPasswords.find(text));
    }
}
