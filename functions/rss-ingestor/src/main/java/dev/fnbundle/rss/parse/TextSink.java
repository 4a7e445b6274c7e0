package dev.fnbundle.rss.parse;

/**
 * Accumulates text with every whitespace run collapsed to one space, no leading or trailing space, invisible
 * characters (zero-width space, soft hyphen) dropped, and at most {@code max} code points kept. A surrogate pair
 * is never split.
 */
final class TextSink {
    private final int max;
    private final StringBuilder text;
    private int codePoints;
    private boolean pendingSpace;
    private boolean full;

    /** @param expectedLength a hint for the buffer size (the input's length) */
    TextSink(int max, int expectedLength) {
        this.max = max;
        this.text = new StringBuilder(Math.min(max, Math.max(16, expectedLength)) + 1);
    }

    /** True once the cap is reached; further input is ignored. */
    boolean full() {
        return full;
    }

    /** A block boundary: acts as whitespace. */
    void breakFlow() {
        pendingSpace = !text.isEmpty();
    }

    void append(String s) {
        for (int i = 0; i < s.length() && !full; i++) {
            append(s.charAt(i));
        }
    }

    /** Appends {@code s[start, end)}, which holds only printable ASCII other than space. */
    void appendPlain(CharSequence s, int start, int end) {
        if (full) {
            return;
        }
        if (pendingSpace && !appendPendingSpace()) {
            return;
        }
        int k = Math.min(end - start, max - codePoints);
        text.append(s, start, start + k);
        codePoints += k;
        full = codePoints >= max;
    }

    /** Writes the space collapsed from earlier whitespace; false when it took the last slot (the sink is full). */
    private boolean appendPendingSpace() {
        pendingSpace = false;
        text.append(' ');
        codePoints++;
        if (codePoints >= max) {
            full = true;
            return false;
        }
        return true;
    }

    void append(char c) {
        if (full) {
            return;
        }
        if (Character.isLowSurrogate(c)) {
            if (!text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
                text.append(c);
                full = codePoints >= max;
            }
            return;
        }
        if (codePoints >= max) {
            // only reachable after an unpaired high surrogate took the last slot
            full = true;
            return;
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            pendingSpace = !text.isEmpty();
            return;
        }
        if (c == '\u200B' || c == '\u00AD') {
            return;
        }
        if (pendingSpace && !appendPendingSpace()) {
            return;
        }
        text.append(c);
        codePoints++;
        full = codePoints >= max && !Character.isHighSurrogate(c);
    }

    /** The collected text without a trailing space, or null when empty. */
    String result() {
        int length = text.length();
        if (length > 0 && text.charAt(length - 1) == ' ') {
            length--;
        }
        if (length > 0 && Character.isHighSurrogate(text.charAt(length - 1))) {
            length--;
        }
        return length == 0 ? null : text.substring(0, length);
    }
}
