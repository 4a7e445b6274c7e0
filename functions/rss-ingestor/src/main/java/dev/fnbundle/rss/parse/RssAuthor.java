package dev.fnbundle.rss.parse;

/**
 * RSS 2.0's {@code <author>} is "address (Name)", e.g. {@code jo@example.com (Jo Bloggs)}; readers show the name.
 * This is the regex {@code ^\S+@\S+\s*\((.+)\)$} with {@code matches()} and its group 1, scanned in one pass:
 * the regex backtracks over every {@code @} and every split of the address, quadratic in the text, and feeds
 * allow an author of a million characters.
 */
final class RssAuthor {
    private RssAuthor() {
    }

    /**
     * The name in parentheses after an address, stripped, or the text unchanged when it is not of that form.
     * O(length of the text).
     *
     * @param author may be null
     */
    static String displayName(String author) {
        if (author == null) {
            return null;
        }
        int name = nameStart(author);
        return name < 0 ? author : author.substring(name, author.length() - 1).strip();
    }

    /**
     * Where group 1 starts, or -1. The address is the longest prefix, without whitespace, that has an {@code @}
     * with a character on each side and is followed (after any whitespace, only when the prefix is the whole
     * run) by {@code (}; the name runs from there to the final {@code )}, at least one character and no line
     * terminator (the regex's {@code .}).
     */
    private static int nameStart(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(n - 1) != ')') {
            return -1;
        }
        int run = 0;
        while (run < n && !isSpace(s.charAt(run))) {
            run++;
        }
        int at = s.indexOf('@', 1);
        int lastTerminator = -1;
        for (int i = n - 2; i >= 0 && lastTerminator < 0; i--) {
            if (isLineTerminator(s.charAt(i))) {
                lastTerminator = i;
            }
        }
        for (int k = run; k >= 1; k--) {
            int open = k;
            if (k == run) {
                while (open < n && isSpace(s.charAt(open))) {
                    open++;
                }
            }
            boolean address = at >= 1 && at <= k - 2;
            if (address && open < n - 2 && s.charAt(open) == '(' && open + 1 > lastTerminator) {
                return open + 1;
            }
        }
        return -1;
    }

    /** {@code \s} without UNICODE_CHARACTER_CLASS. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** What {@code .} does not match without DOTALL or UNIX_LINES. */
    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
