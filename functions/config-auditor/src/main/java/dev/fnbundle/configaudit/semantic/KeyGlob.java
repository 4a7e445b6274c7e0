package dev.fnbundle.configaudit.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A key-path glob such as {@code database.*}, {@code *.password} or {@code http.server[?].listen}.
 *
 * <p>{@code *} matches any run of characters, dots included ({@code database.*} matches
 * {@code database.pool.size}); {@code ?} matches exactly one character; every other character, brackets
 * included, matches itself. Matching is case-insensitive.
 *
 * <p>Cost: linear in the path, whatever the pattern. The pattern is cut at its stars into segments; the first
 * must match at the start, the last at the end, and each one between at its leftmost place after the previous
 * one (leftmost is always safe when only stars separate them). Segments are found with the bit-parallel
 * Shift-And search, so a {@code ?} costs nothing extra: O(path x ceil(segment / 64)) for a whole match, where
 * the backtracking matcher this replaces took O(path x pattern), seconds on a 1 MB key.
 */
public final class KeyGlob {
    private final String pattern;
    private final String folded;
    /** The pattern cut at its stars; one element when it has none. */
    private final List<Segment> segments;

    private KeyGlob(String pattern) {
        this.pattern = pattern;
        this.folded = pattern.toLowerCase(Locale.ROOT);
        List<Segment> cut = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= folded.length(); i++) {
            if (i == folded.length() || folded.charAt(i) == '*') {
                cut.add(new Segment(folded.substring(from, i)));
                from = i + 1;
            }
        }
        this.segments = List.copyOf(cut);
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
        return matchesFolded(path.toLowerCase(Locale.ROOT));
    }

    /** As {@link #matches}, for a path already lower-cased with {@link Locale#ROOT} (fold once, match many). */
    boolean matchesFolded(String s) {
        Segment first = segments.get(0);
        if (segments.size() == 1) {
            return s.length() == first.length() && first.matchesAt(s, 0);
        }
        Segment last = segments.get(segments.size() - 1);
        int limit = s.length() - last.length();
        if (first.length() > limit || !first.matchesAt(s, 0) || !last.matchesAt(s, limit)) {
            return false;
        }
        int from = first.length();
        for (int k = 1; k < segments.size() - 1; k++) {
            Segment middle = segments.get(k);
            int at = middle.find(s, from, limit);
            if (at < 0) {
                return false;
            }
            from = at + middle.length();
        }
        return true;
    }

    @Override
    public String toString() {
        return pattern;
    }

    /** A star-free piece of the pattern, where {@code ?} matches any one character. */
    private static final class Segment {
        private final String text;
        /** Shift-And masks: bit j of a character's mask is set when position j accepts it. */
        private final Map<Character, long[]> masks = new HashMap<>();
        private final long[] anyMask;

        Segment(String text) {
            this.text = text;
            int words = (text.length() + 63) / 64;
            anyMask = new long[words];
            for (int j = 0; j < text.length(); j++) {
                if (text.charAt(j) == '?') {
                    anyMask[j >>> 6] |= 1L << j;
                }
            }
            for (int j = 0; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c != '?') {
                    masks.computeIfAbsent(c, k -> anyMask.clone())[j >>> 6] |= 1L << j;
                }
            }
        }

        int length() {
            return text.length();
        }

        boolean matchesAt(String s, int at) {
            for (int j = 0; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c != '?' && c != s.charAt(at + j)) {
                    return false;
                }
            }
            return true;
        }

        /** The leftmost start in {@code [from, limit - length]} where the segment matches, or -1. */
        int find(String s, int from, int limit) {
            int m = text.length();
            if (m == 0) {
                return from <= limit ? from : -1;
            }
            long[] state = new long[anyMask.length];
            int top = m - 1;
            for (int i = from; i < limit; i++) {
                long[] mask = masks.getOrDefault(s.charAt(i), anyMask);
                long carry = 1;
                for (int w = 0; w < state.length; w++) {
                    long next = state[w] << 1 | carry;
                    carry = state[w] >>> 63;
                    state[w] = next & mask[w];
                }
                if ((state[top >>> 6] & 1L << top) != 0) {
                    return i - top;
                }
            }
            return -1;
        }
    }
}
