package dev.fnbundle.configaudit.difflib;

/** The few {@code str} methods the auditor relies on, with Python 3.11's exact character classes. */
public final class PythonText {
    private PythonText() {
    }

    /**
     * Python's {@code s.splitlines(keepends=True)}: breaks after {@code \n}, {@code \r\n}, {@code \r}, {@code \v},
     * {@code \f}, U+001C..U+001E, U+0085, U+2028 and U+2029; the last piece keeps no terminator if it has none.
     * The lines are a view of the text ({@link TextLines}): each is copied out only when read.
     *
     * @throws NullPointerException if s is null
     */
    public static TextLines splitLinesKeepEnds(String s) {
        return TextLines.of(s);
    }

    /** True for the characters {@code str.splitlines} breaks on (all are in the BMP). */
    public static boolean isLineBreak(int c) {
        return switch (c) {
            case '\n', '\u000b', '\u000c', '\r', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029' -> true;
            default -> false;
        };
    }

    /** Python's {@code str.isspace()} for one code point (differs from {@link Character#isWhitespace}). */
    public static boolean isSpace(int cp) {
        if (cp >= '\t' && cp <= '\r' || cp >= '\u001c' && cp <= ' ') {
            return true;
        }
        if (cp < '\u0085') {
            return false;
        }
        return cp == '\u0085' || cp == '\u00a0' || cp == '\u1680' || cp >= '\u2000' && cp <= '\u200a'
                || cp == '\u2028' || cp == '\u2029' || cp == '\u202f' || cp == '\u205f' || cp == '\u3000';
    }

    /** Python's {@code s.strip()} with no arguments; never null for non-null input. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }
}
