package dev.fnbundle.configaudit.secrets;

/**
 * Finds the keys on a line and hands the value of each secret one to {@link SecretValueState#maskValue}. A key is
 * a bare token ({@code [A-Za-z0-9_$@]} then {@code [\w.$@-]} or backslash escapes) or a quoted string, followed
 * by {@code =} or {@code :} (a bare token also by blanks, as in nginx and properties). Linear in the line.
 */
final class SecretKeyScanner {
    /** ASCII characters that continue a bare key: letters, digits and {@code _ . - $ @}. */
    private static final boolean[] KEY_CHARS = new boolean[128];

    static {
        for (char c = 0; c < KEY_CHARS.length; c++) {
            KEY_CHARS[c] = Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '$' || c == '@';
        }
    }

    private final MaskedLine line;
    private final SecretValueState values;
    /** The separator {@link #separator} found last: {@code :}, {@code =} or a blank. */
    private char separatorChar;

    SecretKeyScanner(MaskedLine line, SecretValueState values) {
        this.line = line;
        this.values = values;
    }

    /** Scans the current line from {@code from} to its end. */
    void scan(int from) {
        int n = line.length();
        int i = from;
        while (i < n) {
            char c = line.at(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"' || c == '\'') {
                i = quotedKey(i, c);
            } else if (LineText.isKeyStart(c)) {
                i = bareKey(i);
            } else {
                i++;
            }
        }
    }

    /** A quoted string at {@code i}: a key when a separator follows; else its inside is scanned like the rest. */
    private int quotedKey(int i, char quote) {
        int close = line.closeQuote(i + 1, quote);
        if (close < 0) {
            return i + 1;
        }
        int value = separator(close + 1, false);
        if (value < 0 || !line.isSecretKey(i + 1, close, quote)) {
            return i + 1;
        }
        return values.maskValue(value, i, quote == '"' && separatorChar == ':');
    }

    private int bareKey(int i) {
        int n = line.length();
        int end = i;
        while (end < n) {
            char c = line.at(end);
            if (c == '\\' && end + 1 < n) {
                end += 2;
            } else if (c < KEY_CHARS.length ? KEY_CHARS[c] : Character.isLetterOrDigit(c)) {
                end++;
            } else {
                break;
            }
        }
        int value = separator(end, true);
        if (value < 0 || !line.isSecretKey(i, end, '\0')) {
            return end;
        }
        return values.maskValue(value, i, false);
    }

    /**
     * Where the value after a key ending at {@code from} starts: after blanks, {@code :} or {@code =} and blanks;
     * or, when {@code blankSeparates}, after at least one blank. -1 when no separator follows.
     */
    private int separator(int from, boolean blankSeparates) {
        int n = line.length();
        int i = line.indentFrom(from);
        if (i < n && (line.at(i) == ':' || line.at(i) == '=')) {
            separatorChar = line.at(i);
            return line.indentFrom(i + 1);
        }
        separatorChar = ' ';
        return blankSeparates && i > from && i < n ? i : -1;
    }
}
