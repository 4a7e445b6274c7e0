package dev.fnbundle.configaudit.semantic;

import java.util.Locale;
import java.util.Objects;

/**
 * A key-path glob such as {@code database.*}, {@code *.password} or {@code http.server[?].listen}.
 *
 * <p>{@code *} matches any run of characters, dots included ({@code database.*} matches
 * {@code database.pool.size}); {@code ?} matches exactly one character; every other character, brackets
 * included, matches itself. Matching is case-insensitive and runs in O(pattern x path) time at worst, with no
 * regular expressions, so hostile patterns cannot backtrack exponentially.
 */
public final class KeyGlob {
    private final String pattern;
    private final String folded;

    private KeyGlob(String pattern) {
        this.pattern = pattern;
        this.folded = pattern.toLowerCase(Locale.ROOT);
    }

    /** Compiles a glob; it must be non-null (validation of length and content is the caller's). */
    public static KeyGlob of(String pattern) {
        return new KeyGlob(Objects.requireNonNull(pattern, "pattern"));
    }

    /** The pattern as given. */
    public String pattern() {
        return pattern;
    }

    /** True when the whole path matches the glob. */
    public boolean matches(String path) {
        String s = path.toLowerCase(Locale.ROOT);
        int p = 0;
        int i = 0;
        int starP = -1;
        int starI = -1;
        while (i < s.length()) {
            if (p < folded.length() && (folded.charAt(p) == '?' || folded.charAt(p) == s.charAt(i))) {
                p++;
                i++;
            } else if (p < folded.length() && folded.charAt(p) == '*') {
                starP = p++;
                starI = i;
            } else if (starP >= 0) {
                // Let the last star absorb one more character and retry from there.
                p = starP + 1;
                i = ++starI;
            } else {
                return false;
            }
        }
        while (p < folded.length() && folded.charAt(p) == '*') {
            p++;
        }
        return p == folded.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
