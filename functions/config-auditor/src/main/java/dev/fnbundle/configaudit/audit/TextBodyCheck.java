package dev.fnbundle.configaudit.audit;

import dev.fnbundle.configaudit.difflib.PythonText;
import dev.fnbundle.configaudit.difflib.TextLines;

/**
 * Decides whether a config body is acceptable text of acceptable size, in one pass without encoding it.
 *
 * <p>Text means: well-formed UTF-16 (no unpaired surrogates) and no C0 control characters other than tab, line
 * feed, vertical tab, form feed, carriage return and escape. Size is the UTF-8 encoding's length in bytes.
 */
final class TextBodyCheck {
    private TextBodyCheck() {
    }

    /** @throws PayloadRejectedException when the body is over the limit or not text */
    static void check(String field, String body, long maxBytes) {
        int n = body.length();
        // UTF-8 bytes beyond one per character.
        long extra = 0;
        boolean text = true;
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c >= ' ' && c < 0x80) {
                // Printable ASCII, nearly every character of a config: one byte, text.
                continue;
            }
            if (c < ' ') {
                text &= c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == 0x1b;
            } else if (c < 0x800) {
                extra += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(body.charAt(i + 1))) {
                extra += 2;
                i++;
            } else {
                extra += 2;
                text &= !Character.isSurrogate(c);
            }
        }
        long bytes = n + extra;
        if (bytes > maxBytes) {
            throw new PayloadRejectedException(field, PayloadRejectedException.Reason.TOO_LARGE, maxBytes, bytes);
        }
        if (!text) {
            throw new PayloadRejectedException(field, PayloadRejectedException.Reason.NOT_TEXT, maxBytes, bytes);
        }
    }

    /**
     * {@link #check} and the body cut into Python's {@code splitlines} lines, which the audit then diffs, in one
     * pass over a body of plain ASCII (nearly every config): cutting the lines tells whether it is plain, and then
     * its size is its length and it is text. Any other body is checked by {@link #check} as well. A body longer
     * than the limit is refused before it is cut.
     *
     * <p>{@code cut}, when not null, is the body already cut into lines by its reader (plain ASCII, so only its
     * length is checked).
     *
     * @throws PayloadRejectedException when the body is over the limit or not text
     */
    static TextLines checkedLines(String field, String body, TextLines cut, long maxBytes) {
        if (body.length() > maxBytes) {
            check(field, body, maxBytes);
        }
        TextLines lines = cut != null ? cut : TextLines.of(body);
        if (!lines.isPlainAscii()) {
            check(field, body, maxBytes);
        }
        return lines;
    }

    /** @throws TooManyLinesException when the lines are more than {@code maxLines} */
    static TextLines limitLines(String field, TextLines lines, int maxLines) {
        if (lines.size() > maxLines) {
            throw new TooManyLinesException(field, maxLines, lines.size());
        }
        return lines;
    }

    /** {@code len(body.splitlines())} without building the list. */
    static long lineCount(String body) {
        long breaks = 0;
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (PythonText.isLineBreak(c)) {
                breaks++;
                if (c == '\r' && i + 1 < n && body.charAt(i + 1) == '\n') {
                    i++;
                }
            }
        }
        boolean unterminated = n > 0 && !PythonText.isLineBreak(body.charAt(n - 1));
        return breaks + (unterminated ? 1 : 0);
    }
}
