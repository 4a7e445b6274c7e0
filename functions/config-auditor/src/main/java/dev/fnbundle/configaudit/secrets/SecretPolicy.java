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
        int i = from;
        // Two characters per step (see MarkerAutomaton#twoSteps); the last odd one, or the one before a non-ASCII
        // character, one at a time.
        for (; i + 1 < to; i += 2) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            if ((a | b) >= 0x80) {
                break;
            }
            long first = MarkerAutomaton.step(state, a);
            state = MarkerAutomaton.twoSteps(state, a, b);
            if (((first | state) & MarkerAutomaton.ENDS) != 0) {
                return true;
            }
        }
        for (; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // Unicode lower-casing (the Kelvin sign is a 'k'): the exact rule, by the slow path.
                return containsMarker(text.substring(from, to).toLowerCase(Locale.ROOT));
            }
            state = MarkerAutomaton.step(state, c);
            if ((state & MarkerAutomaton.ENDS) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * One ASCII character ({@code c < 0x80}) of a name read into a marker scan's state, for a scan that reads the
     * name for another purpose in the same pass (the INI reader hashes it): start from 0, keep the OR of every
     * state, and {@link #endsMarker} of that OR says what {@link #isSecretName(String, int, int)} says of an ASCII
     * name. One table lookup and three bit operations, which overlap with the caller's own work per character.
     */
    public static long markerStep(long state, char c) {
        return MarkerAutomaton.step(state, c);
    }

    /** Whether any of the marker states OR-ed into {@code states} ({@link #markerStep}) completed a marker. */
    public static boolean endsMarker(long states) {
        return (states & MarkerAutomaton.ENDS) != 0;
    }

    /**
     * False only when no key named anywhere in {@code text[from, to)} can be secret: the text is ASCII, has no
     * backslash (an escape could spell a marker, {@code pass\u0077ord}) and contains no marker. Every key a
     * scanner finds there is a substring of it (quotes' {@code ''} decodes to {@code '}, which joins no letters),
     * so a line this rejects needs no key-by-key look. One pass of the same automaton as {@link #isSecretName}.
     */
    static boolean mayNameSecret(String text, int from, int to) {
        long state = 0;
        int i = from;
        // Two characters per step: this runs on every character of both documents of an audit.
        for (; i + 1 < to; i += 2) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            if ((a | b) >= 0x80 || a == '\\' || b == '\\') {
                return true;
            }
            long first = MarkerAutomaton.step(state, a);
            state = MarkerAutomaton.twoSteps(state, a, b);
            if (((first | state) & MarkerAutomaton.ENDS) != 0) {
                return true;
            }
        }
        if (i < to) {
            char c = text.charAt(i);
            return c >= 0x80 || c == '\\' || (MarkerAutomaton.step(state, c) & MarkerAutomaton.ENDS) != 0;
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

        /** The state after reading ASCII character {@code c}. */
        static long step(long state, char c) {
            return (state << 1 | STARTS) & MASKS[c];
        }

        /**
         * {@code step(step(state, a), b)}, rearranged so that only four operations depend on {@code state} (six
         * in the plain form): the scan is bound by that chain, not by the table lookups. Shifts distribute over
         * {@code &} and {@code |}, so {@code ((state << 1 | S) & A) << 1 | S} is
         * {@code (state << 2) & (A << 1) | ((S << 1) & (A << 1) | S)}.
         */
        static long twoSteps(long state, char a, char b) {
            long shiftedA = MASKS[a] << 1;
            return ((state << 2) & shiftedA | ((STARTS << 1) & shiftedA | STARTS)) & MASKS[b];
        }
    }

    /** The text with the password of every {@code scheme://user:password@host} replaced ({@link UrlPasswords}). */
    public static String maskUrlPasswords(String text) {
        return TextMasks.apply(text, UrlPasswords.find(text));
    }
}
