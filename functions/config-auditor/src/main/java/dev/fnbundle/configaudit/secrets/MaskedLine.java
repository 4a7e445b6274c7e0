package dev.fnbundle.configaudit.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * The line {@link LineMasker} is working on, read in place from its document ({@code text[base, base + n)}, the
 * terminator excluded), with the spans masked on it so far and the character-level questions the masker asks
 * about it. Reset for every line. Each method is linear in the line; {@link #closeQuote} remembers where no
 * closing quote of its kind exists, so that many quotes on one line never rescan its rest.
 */
final class MaskedLine {
    private String text;
    private int base;
    private int n;
    /** The line's spans; null until its first one. */
    private List<TextSpan> spans;
    /** A position from which no closing quote of each kind exists ({@code "} then {@code '}). */
    private final int[] unterminated = new int[2];

    /** Starts on {@code text[start, end)}. */
    void reset(String text, int start, int end) {
        this.text = text;
        this.base = start;
        this.n = end - start;
        this.spans = null;
        unterminated[0] = Integer.MAX_VALUE;
        unterminated[1] = Integer.MAX_VALUE;
    }

    /** The length of the line. */
    int length() {
        return n;
    }

    /** Character {@code i} of the line. */
    char at(int i) {
        return text.charAt(base + i);
    }

    /** Masks {@code [from, to)} of the line (nothing when empty). */
    void mask(int from, int to) {
        if (from < to) {
            if (spans == null) {
                spans = new ArrayList<>(2);
            }
            spans.add(new TextSpan(from, to));
        }
    }

    /** The spans masked on this line. */
    List<TextSpan> spans() {
        return spans == null ? List.of() : spans;
    }

    /** Whether any key from {@code from} on could be secret ({@link SecretPolicy#mayNameSecret}). */
    boolean mayNameSecret(int from) {
        return SecretPolicy.mayNameSecret(text, base + from, base + n);
    }

    /**
     * Whether the key between {@code from} and {@code to} (inside its quotes, if any) names a secret. A key without
     * escapes is its own name and is checked in place; one with them is decoded first ({@link #decode}).
     */
    boolean isSecretKey(int from, int to, char quote) {
        int start = base + from;
        int end = base + to;
        if (text.indexOf('\\', start, end) < 0 && (quote != '\'' || text.indexOf('\'', start, end) < 0)) {
            return SecretPolicy.isSecretName(text, start, end);
        }
        return SecretPolicy.isSecretName(decode(from, to, quote));
    }

    /** The key name between {@code from} and {@code to}: backslash escapes decoded, and {@code ''} in '...'. */
    private String decode(int from, int to, char quote) {
        String raw = text.substring(base + from, base + to);
        if (quote == '\'') {
            return raw.replace("''", "'");
        }
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        List<DecodedView> views = DecodedView.of(raw);
        return views.isEmpty() ? raw : views.get(0).text;
    }

    /** The closing quote at or after {@code from}, or -1; {@code "} honours backslash escapes, {@code '} doubling. */
    int closeQuote(int from, char quote) {
        int kind = quote == '"' ? 0 : 1;
        if (from >= unterminated[kind]) {
            return -1;
        }
        for (int i = from; i < n; i++) {
            char c = at(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < n && at(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        // Remembered so that many quotes on one line never rescan its rest: the masker stays linear.
        unterminated[kind] = from;
        return -1;
    }

    /** A quote starts a string where a value can start, so an apostrophe inside a plain word does not. */
    boolean opensString(int i) {
        int k = i - 1;
        while (k >= 0 && (at(k) == ' ' || at(k) == '\t')) {
            k--;
        }
        return k < 0 || "[{,:".indexOf(at(k)) >= 0;
    }

    /** Whether only blanks, one {@code ,} or {@code ;}, or a {@code #} comment follow {@code from}. */
    boolean onlyTrailing(int from) {
        int i = indentFrom(from);
        if (i < n && (at(i) == ',' || at(i) == ';')) {
            i = indentFrom(i + 1);
        }
        return i >= n || at(i) == '#';
    }

    /** Whether the {@code |} or {@code >} at {@code start} is a YAML block indicator (chomping/indent digits). */
    boolean isBlockIndicator(int start) {
        int i = start + 1;
        while (i < n && "-+0123456789".indexOf(at(i)) >= 0) {
            i++;
        }
        return onlyTrailing(i);
    }

    /** Whether a YAML sequence item ({@code - }) starts at {@code indent}. */
    boolean isSequenceItem(int indent) {
        return at(indent) == '-' && (indent + 1 == n || at(indent + 1) == ' ' || at(indent + 1) == '\t');
    }

    /** The end of an unquoted value: the line end less blanks and one final {@code ;} or {@code ,}. */
    int trimmedEnd(int start) {
        int end = n;
        while (end > start && Character.isWhitespace(at(end - 1))) {
            end--;
        }
        if (end > start && (at(end - 1) == ';' || at(end - 1) == ',')) {
            end--;
        }
        while (end > start && Character.isWhitespace(at(end - 1))) {
            end--;
        }
        return end;
    }

    /** Whether the line ends in an odd number of backslashes (a properties continuation). */
    boolean endsInOddBackslashes() {
        int count = 0;
        for (int i = n - 1; i >= 0 && at(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }

    /** As {@link String#isBlank} for the line. */
    boolean isBlank() {
        for (int i = 0; i < n; i++) {
            if (!Character.isWhitespace(at(i))) {
                return false;
            }
        }
        return true;
    }

    /** The first index at or after {@code from} that is not a space or tab ({@code n} if none). */
    int indentFrom(int from) {
        int i = from;
        while (i < n && (at(i) == ' ' || at(i) == '\t')) {
            i++;
        }
        return i;
    }
}
