package dev.fnbundle.email.invoice;

/**
 * Java's {@code \b} in linear time. Since JDK 19 {@code \b} takes {@code [A-Za-z0-9_]} as word characters, and a
 * non-spacing mark as one when a letter or digit comes before its run of marks; to tell, it looks back over the
 * whole run at every position, so 1 MiB of combining marks cost a pattern with {@code \b} minutes. {@link #BOUNDARY}
 * reads one character on each side: a word character is {@code [A-Za-z0-9_]} or any non-spacing mark, so it
 * differs from {@code \b} only next to a mark that follows neither a letter nor a digit. Thread-safe.
 *
 * <p>Like {@code \b}, it counts accented letters as non-word characters: "échéance" at the start of a line has
 * no boundary before it (both sides are non-word characters).
 */
final class WordBoundary {
    /** Case-sensitive even inside {@code (?i)} patterns, where {@code [A-Za-z]} would also take the Kelvin sign. */
    private static final String WORD = "(?-iu:[A-Za-z0-9_\\p{Mn}])";
    /** A word character on exactly one side, as {@code \b}. */
    static final String BOUNDARY = "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";

    private WordBoundary() {
    }

    /** Whether a code point counts as part of a word, as {@link #BOUNDARY} counts it. */
    static boolean isWordChar(int codePoint) {
        return codePoint < 128 ? codePoint == '_' || Character.isLetterOrDigit(codePoint)
                : Character.getType(codePoint) == Character.NON_SPACING_MARK;
    }
}
