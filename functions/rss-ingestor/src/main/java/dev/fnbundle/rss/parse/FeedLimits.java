package dev.fnbundle.rss.parse;

/**
 * Caps that keep a parse bounded in memory whatever the input.
 *
 * @param maxDepth           deepest element nesting accepted; deeper fails with {@code limit_exceeded}
 * @param maxTextChars       longest text kept per field; the rest is dropped with a warning
 * @param maxTagChars        longest start tag (name plus attributes); longer fails with {@code limit_exceeded}
 * @param maxPreviewEntries  most entries a preview ever collects, whatever the caller asks
 * @param maxListItems       most categories or enclosures kept per entry
 * @param maxWarnings        most warnings listed; further ones are only counted
 */
public record FeedLimits(int maxDepth, int maxTextChars, int maxTagChars, int maxPreviewEntries, int maxListItems,
                         int maxWarnings) {

    /** @throws IllegalArgumentException if any cap is not positive */
    public FeedLimits {
        requirePositive(maxDepth, "maxDepth");
        requirePositive(maxTextChars, "maxTextChars");
        requirePositive(maxTagChars, "maxTagChars");
        requirePositive(maxPreviewEntries, "maxPreviewEntries");
        requirePositive(maxListItems, "maxListItems");
        requirePositive(maxWarnings, "maxWarnings");
    }

    /** Depth 64, text 1 Mi chars, tags 256 Ki chars, 1000 preview entries, 100 list items, 100 warnings. */
    public static FeedLimits defaults() {
        return new FeedLimits(64, 1 << 20, 1 << 18, 1000, 100, 100);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
