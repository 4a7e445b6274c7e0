package dev.fnbundle.configaudit.secrets;

import dev.fnbundle.configaudit.difflib.PythonText;
import java.util.ArrayList;
import java.util.List;

/**
 * Masks secret values in raw config lines by their shape, whatever the format and even when the document does
 * not parse: the line-level half of masking (parsed documents also have their secrets masked by position and by
 * value, see {@link MaskedDocument}). A hand-written scanner, linear in the length of each line.
 *
 * <p>A key is a bare token ({@code [A-Za-z0-9_$@]} then {@code [\w.$@-]} or backslash escapes, so
 * {@code pass\u0077ord} reads as {@code password}) or a quoted string (escapes decoded, so
 * {@code "pass\u0077ord"} does too) followed by {@code =} or {@code :} (a bare token also by blanks, as in
 * nginx and properties). When its name is secret ({@link SecretPolicy#isSecretName}), its value is masked:
 * <ul>
 *   <li>a quoted value up to its closing quote, keeping the quotes; when it does not close on the line, every
 *       following line up to the closing quote (YAML's multi-line quoted scalars);</li>
 *   <li>a {@code [...]} or {@code {...}} value up to its matching bracket, across lines (multi-line JSON arrays
 *       and objects);</li>
 *   <li>after a JSON-style key ({@code "key":}) that ends its line, the first value of the next non-blank line;
 *   </li>
 *   <li>an unquoted value up to the end of the line less a trailing {@code ;} or {@code ,}; one ending in an odd
 *       number of backslashes also masks the properties continuation lines that follow;</li>
 *   <li>after a value that ends its line (or an empty one, or a YAML block indicator {@code |}/{@code >}), every
 *       following line indented deeper than the key (YAML block and multi-line plain scalars, INI continuation
 *       lines, nested YAML under the key), and, after an empty {@code key:}, the YAML sequence items at the
 *       key's own indentation ({@code api_keys:} then {@code - sk_live...}).</li>
 * </ul>
 * Comments are scanned like anything else, so a commented-out {@code # password = old} is masked too; the
 * passwords of URLs ({@link UrlPasswords}) are masked on every line. Over-masking is accepted (a
 * {@code keyboard} value is masked too); leaking is not.
 */
public final class LineMasker {
    private final List<List<TextSpan>> out = new ArrayList<>();
    private List<TextSpan> spans;
    private String content;
    private int n;
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
    /** The separator {@link #separator} found last: {@code :}, {@code =} or a blank. */
    private char separatorChar;
    /** Per line: a position from which no closing quote of each kind exists ({@code "} then {@code '}). */
    private final int[] unterminated = new int[2];

    private LineMasker() {
    }

    /** Masks a document's lines (each with its terminator, as from splitlines(keepends=True)); never null. */
    public static List<String> maskLines(List<String> lines) {
        List<List<TextSpan>> spans = spans(lines);
        List<String> masked = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int end = LineText.contentEnd(line);
            masked.add(TextMasks.apply(line.substring(0, end), spans.get(i)) + line.substring(end));
        }
        return masked;
    }

    /** A multi-line text (a parsed value, say) masked line by line; line breaks are kept. */
    public static String maskText(String text) {
        return String.join("", maskLines(PythonText.splitLinesKeepEnds(text)));
    }

    /** For each line, the spans of its content (terminator excluded) to mask; unmasked lines get an empty list. */
    static List<List<TextSpan>> spans(List<String> lines) {
        LineMasker masker = new LineMasker();
        for (String line : lines) {
            masker.accept(line.substring(0, LineText.contentEnd(line)));
        }
        return masker.out;
    }

    private void accept(String line) {
        content = line;
        n = line.length();
        spans = new ArrayList<>(0);
        unterminated[0] = Integer.MAX_VALUE;
        unterminated[1] = Integer.MAX_VALUE;
        int from = carriedOver();
        if (from >= 0) {
            scanKeys(from);
        }
        spans.addAll(UrlPasswords.find(line));
        out.add(spans.isEmpty() ? List.of() : spans);
    }

    /**
     * Applies what the previous lines left open.
     *
     * @return where to look for keys, or -1 when the whole line belongs to a secret value
     */
    private int carriedOver() {
        int indent = LineText.indentOf(content);
        boolean blank = content.isBlank();
        if (continuation) {
            continuation = LineText.endsInOddBackslashes(content);
            return maskRest(indent);
        }
        if (openQuote != 0) {
            int close = closeQuote(0, openQuote);
            if (close < 0) {
                return maskRest(indent);
            }
            mask(indent, close);
            openQuote = 0;
            return close + 1;
        }
        if (openDepth > 0) {
            int close = closeStructure(0);
            if (close < 0) {
                return maskRest(indent);
            }
            mask(indent, close);
            return close + 1;
        }
        if (blank) {
            return n;
        }
        if (blockColumn >= 0) {
            if (indent > blockColumn) {
                return maskRest(indent);
            }
            if (indent == blockColumn && blockSequence && isSequenceItem(indent)) {
                return maskRest(LineText.indentOf(content, indent + 1));
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
        mask(from, n);
        return -1;
    }

    private void scanKeys(int from) {
        int i = from;
        while (i < n) {
            char c = content.charAt(i);
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
        int close = closeQuote(i + 1, quote);
        if (close < 0) {
            return i + 1;
        }
        int value = separator(close + 1, false);
        if (value < 0 || !SecretPolicy.isSecretName(decode(i + 1, close, quote))) {
            return i + 1;
        }
        return maskValue(value, i, quote == '"' && separatorChar == ':');
    }

    private int bareKey(int i) {
        int end = i;
        while (end < n) {
            char c = content.charAt(end);
            if (c == '\\' && end + 1 < n) {
                end += 2;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '$' || c == '@') {
                end++;
            } else {
                break;
            }
        }
        int value = separator(end, true);
        if (value < 0 || !SecretPolicy.isSecretName(decode(i, end, '\0'))) {
            return end;
        }
        return maskValue(value, i, false);
    }

    /**
     * Where the value after a key ending at {@code from} starts: after blanks, {@code :} or {@code =} and blanks;
     * or, when {@code blankSeparates}, after at least one blank. -1 when no separator follows.
     */
    private int separator(int from, boolean blankSeparates) {
        int i = LineText.indentOf(content, from);
        if (i < n && (content.charAt(i) == ':' || content.charAt(i) == '=')) {
            separatorChar = content.charAt(i);
            return LineText.indentOf(content, i + 1);
        }
        separatorChar = ' ';
        return blankSeparates && i > from && i < n ? i : -1;
    }

    /**
     * Masks the value of a secret key starting at {@code start}; {@code keyColumn} is where the key starts.
     *
     * @return where to continue looking for keys on this line
     */
    private int maskValue(int start, int keyColumn, boolean jsonStyle) {
        if (start >= n) {
            if (jsonStyle) {
                pendingColumn = keyColumn;
            } else {
                openBlock(keyColumn, true);
            }
            return n;
        }
        char c = content.charAt(start);
        if (c == '"' || c == '\'') {
            int close = closeQuote(start + 1, c);
            if (close < 0) {
                openQuote = c;
                mask(start + 1, n);
                return n;
            }
            mask(start + 1, close);
            if (onlyTrailing(close + 1)) {
                openBlock(keyColumn, false);
            }
            return close + 1;
        }
        if (c == '[' || c == '{') {
            openDepth = 0;
            depthQuote = 0;
            int close = closeStructure(start);
            mask(start + 1, close < 0 ? n : close);
            return close < 0 ? n : close + 1;
        }
        if (jsonStyle) {
            int end = start;
            while (end < n && ",}] \t".indexOf(content.charAt(end)) < 0) {
                end++;
            }
            mask(start, end);
            return end;
        }
        if ((c == '|' || c == '>') && isBlockIndicator(start)) {
            openBlock(keyColumn, false);
            return n;
        }
        mask(start, trimmedEnd(start));
        continuation = LineText.endsInOddBackslashes(content);
        openBlock(keyColumn, false);
        return n;
    }

    private void openBlock(int column, boolean sequence) {
        blockColumn = column;
        blockSequence = sequence;
    }

    /** The closing quote at or after {@code from}, or -1; {@code "} honours backslash escapes, {@code '} doubling. */
    private int closeQuote(int from, char quote) {
        int kind = quote == '"' ? 0 : 1;
        if (from >= unterminated[kind]) {
            return -1;
        }
        for (int i = from; i < n; i++) {
            char c = content.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < n && content.charAt(i + 1) == '\'') {
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

    /** Tracks brackets (outside strings) from {@code from}; the index where they all close, or -1 (state kept). */
    private int closeStructure(int from) {
        for (int i = from; i < n; i++) {
            char c = content.charAt(i);
            if (depthQuote != 0) {
                if (depthQuote == '"' && c == '\\') {
                    i++;
                } else if (c == depthQuote) {
                    depthQuote = 0;
                }
            } else if ((c == '"' || c == '\'') && opensString(i)) {
                depthQuote = c;
            } else if (c == '[' || c == '{') {
                openDepth++;
            } else if ((c == ']' || c == '}') && --openDepth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A quote starts a string where a value can start, so an apostrophe inside a plain word does not. */
    private boolean opensString(int i) {
        int k = i - 1;
        while (k >= 0 && (content.charAt(k) == ' ' || content.charAt(k) == '\t')) {
            k--;
        }
        return k < 0 || "[{,:".indexOf(content.charAt(k)) >= 0;
    }

    private boolean onlyTrailing(int from) {
        int i = LineText.indentOf(content, from);
        if (i < n && (content.charAt(i) == ',' || content.charAt(i) == ';')) {
            i = LineText.indentOf(content, i + 1);
        }
        return i >= n || content.charAt(i) == '#';
    }

    private boolean isBlockIndicator(int start) {
        int i = start + 1;
        while (i < n && "-+0123456789".indexOf(content.charAt(i)) >= 0) {
            i++;
        }
        return onlyTrailing(i);
    }

    private boolean isSequenceItem(int indent) {
        return content.charAt(indent) == '-' && (indent + 1 == n || content.charAt(indent + 1) == ' '
                || content.charAt(indent + 1) == '\t');
    }

    /** The end of an unquoted value: the line end less blanks and one final {@code ;} or {@code ,}. */
    private int trimmedEnd(int start) {
        int end = n;
        while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
            end--;
        }
        if (end > start && (content.charAt(end - 1) == ';' || content.charAt(end - 1) == ',')) {
            end--;
        }
        while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private void mask(int from, int to) {
        if (from < to) {
            spans.add(new TextSpan(from, to));
        }
    }

    /** The key name between {@code from} and {@code to}: backslash escapes decoded, and {@code ''} in '...'. */
    private String decode(int from, int to, char quote) {
        String raw = content.substring(from, to);
        if (quote == '\'') {
            return raw.replace("''", "'");
        }
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        List<DecodedView> views = DecodedView.of(raw);
        return views.isEmpty() ? raw : views.get(0).text;
    }
}
