package dev.fnbundle.rss.parse;

/**
 * Tracks where a DOCTYPE declaration ends without interpreting it: quoted literals, the bracketed internal
 * subset and comments inside it may all contain {@code >}.
 */
final class DoctypeSkipper {
    private final TerminatorMatcher commentEnd = new TerminatorMatcher();
    private char quote;
    private int brackets;
    private boolean inComment;

    void reset() {
        quote = 0;
        brackets = 0;
        inComment = false;
    }

    boolean inLiteralOrComment() {
        return quote != 0 || inComment;
    }

    void enterComment() {
        inComment = true;
        commentEnd.start("-->");
    }

    /** Feeds one character of the declaration; true when it is the closing {@code >}. */
    boolean advance(char c) {
        if (inComment) {
            inComment = !commentEnd.advance(c);
            return false;
        }
        if (quote != 0) {
            quote = c == quote ? 0 : quote;
            return false;
        }
        switch (c) {
            case '"', '\'' -> quote = c;
            case '[' -> brackets++;
            case ']' -> brackets = Math.max(0, brackets - 1);
            case '>' -> {
                return brackets == 0;
            }
            default -> {
                // any other character of the declaration is skipped
            }
        }
        return false;
    }
}
