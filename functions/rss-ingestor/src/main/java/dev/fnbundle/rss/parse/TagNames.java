package dev.fnbundle.rss.parse;

import java.util.Locale;
import java.util.Set;

/**
 * Classifies an HTML tag name in place (ASCII case-insensitive), without the lower-cased substring per tag that
 * a Set lookup needs: {@link HtmlText} meets a tag every few words, and that allocation was a measurable share of
 * turning summaries into text. An open-addressing table of the known names, probed by a case-folded hash and
 * confirmed with {@code regionMatches}.
 */
final class TagNames {
    static final int OTHER = 0;
    static final int BLOCK = 1;
    static final int SKIPPED_BODY = 2;
    /** Both: a block whose body is skipped (e.g. {@code iframe}, {@code noscript}). */
    static final int BLOCK_AND_SKIPPED = 3;

    private final String[] names = new String[512];
    private final int[] kinds = new int[512];

    TagNames(Set<String> blocks, Set<String> skippedBodies) {
        for (String name : blocks) {
            put(name, BLOCK);
        }
        for (String name : skippedBodies) {
            put(name, SKIPPED_BODY);
        }
    }

    /** The kind of the tag name {@code s[from, to)}. */
    int kind(String s, int from, int to) {
        int length = to - from;
        for (int slot = hash(s, from, to) & (names.length - 1); names[slot] != null;
             slot = (slot + 1) & (names.length - 1)) {
            String name = names[slot];
            if (name.length() == length && s.regionMatches(true, from, name, 0, length)) {
                return kinds[slot];
            }
        }
        return OTHER;
    }

    private void put(String name, int kind) {
        String lower = name.toLowerCase(Locale.ROOT);
        int slot = hash(lower, 0, lower.length()) & (names.length - 1);
        while (names[slot] != null && !names[slot].equals(lower)) {
            slot = (slot + 1) & (names.length - 1);
        }
        names[slot] = lower;
        kinds[slot] |= kind;
    }

    private static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + (s.charAt(i) | 0x20);
        }
        return h ^ h >>> 7;
    }
}
