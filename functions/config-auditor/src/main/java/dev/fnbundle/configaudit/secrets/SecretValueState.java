package dev.fnbundle.configaudit.secrets;

/**
 * The value of a secret key as {@link LineMasker} masks it, and what of it stays open across lines: a quote
 * that has not closed, brackets that have not, a block of deeper-indented lines (YAML block and plain scalars, INI
 * continuation lines), a properties continuation after an odd number of backslashes, or a JSON-style key whose
 * value is on the next line. {@link #carriedOver} applies that to each new line before its keys are scanned.
 */
final class SecretValueState {
    private final MaskedLine line;
    /** Lines indented deeper than this column continue the last secret value; -1 when none does. */
    private int blockColumn = -1;
    /** Whether YAML sequence items at {@link #blockColumn} continue it too (after an empty {@code key:}). */
    private boolean blockSequence;
    /** The last secret value ended in an odd number of backslashes: the next line continues it. */
    private boolean continuation;
    /** The quote of a secret value still open at the end of the last line, or 0. */
    private char openQuote;
    /** Open brackets of a secret value at the end of the last line, and the quote open inside it (or 0). */
    private int openDepth;
    private char depthQuote;
    /** A JSON-style secret key ended the last non-blank line: its value comes next; the key's column, or -1. */
    private int pendingColumn = -1;

    SecretValueState(MaskedLine line) {
        this.line = line;
    }

    /**
     * Applies what the previous lines left open to the current line.
     *
     * @return where to look for keys, or -1 when the whole line belongs to a secret value
     */
    int carriedOver() {
        int n = line.length();
        int indent = line.indentFrom(0);
        boolean blank = line.isBlank();
        if (continuation) {
            continuation = line.endsInOddBackslashes();
            return maskRest(indent);
        }
        if (openQuote != 0) {
            int close = line.closeQuote(0, openQuote);
            if (close < 0) {
                return maskRest(indent);
            }
            line.mask(indent, close);
            openQuote = 0;
            return close + 1;
        }
        if (openDepth > 0) {
            int close = closeStructure(0);
            if (close < 0) {
                return maskRest(indent);
            }
            line.mask(indent, close);
            return close + 1;
        }
        if (blank) {
            return n;
        }
        if (blockColumn >= 0) {
            if (indent > blockColumn) {
                return maskRest(indent);
            }
            if (indent == blockColumn && blockSequence && line.isSequenceItem(indent)) {
                return maskRest(line.indentFrom(indent + 1));
            }
            blockColumn = -1;
        }
        if (pendingColumn >= 0) {
            int column = pendingColumn;
            pendingColumn = -1;
            if (indent > column) {
                // Deeper than its key: a YAML block under a quoted key, or a JSON value on its own line.
                openBlock(column, false);
                return maskRest(indent);
            }
            return maskValue(indent, column, true);
        }
        return 0;
    }

    private int maskRest(int from) {
        line.mask(from, line.length());
        return -1;
    }

    /**
     * Masks the value of a secret key starting at {@code start}; {@code keyColumn} is where the key starts.
     *
     * @return where to continue looking for keys on this line
     */
    int maskValue(int start, int keyColumn, boolean jsonStyle) {
        int n = line.length();
        if (start >= n) {
            if (jsonStyle) {
                pendingColumn = keyColumn;
            } else {
                openBlock(keyColumn, true);
            }
            return n;
        }
        char c = line.at(start);
        if (c == '"' || c == '\'') {
            int close = line.closeQuote(start + 1, c);
            if (close < 0) {
                openQuote = c;
                line.mask(start + 1, n);
                return n;
            }
            line.mask(start + 1, close);
            if (line.onlyTrailing(close + 1)) {
                openBlock(keyColumn, false);
            }
            return close + 1;
        }
        if (c == '[' || c == '{') {
            openDepth = 0;
            depthQuote = 0;
            int close = closeStructure(start);
            line.mask(start + 1, close < 0 ? n : close);
            return close < 0 ? n : close + 1;
        }
        if (jsonStyle) {
            int end = start;
            while (end < n && ",}] \t".indexOf(line.at(end)) < 0) {
                end++;
            }
            line.mask(start, end);
            return end;
        }
        if ((c == '|' || c == '>') && line.isBlockIndicator(start)) {
            openBlock(keyColumn, false);
            return n;
        }
        line.mask(start, line.trimmedEnd(start));
        continuation = line.endsInOddBackslashes();
        openBlock(keyColumn, false);
        return n;
    }

    private void openBlock(int column, boolean sequence) {
        blockColumn = column;
        blockSequence = sequence;
    }

    /** Tracks brackets (outside strings) from {@code from}; the index where they all close, or -1 (state kept). */
    private int closeStructure(int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.at(i);
            if (depthQuote != 0) {
                if (depthQuote == '"' && c == '\\') {
                    i++;
                } else if (c == depthQuote) {
                    depthQuote = 0;
                }
            } else if ((c == '"' || c == '\'') && line.opensString(i)) {
                depthQuote = c;
            } else if (c == '[' || c == '{') {
                openDepth++;
            } else if ((c == ']' || c == '}') && --openDepth == 0) {
                return i;
            }
        }
        return -1;
    }
}
