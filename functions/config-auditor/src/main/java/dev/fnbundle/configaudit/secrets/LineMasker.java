package dev.fnbundle.configaudit.secrets;

import dev.fnbundle.configaudit.difflib.PythonText;
import dev.fnbundle.configaudit.difflib.TextLines;
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
    /** The current line's spans; null until its first one. */
    private List<TextSpan> spans;
    /** The current line is {@code content[base, base + n)}: its text without terminator, read in place. */
    private String content;
    private int base;
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

    /** ASCII characters that continue a bare key: letters, digits and {@code _ . - $ @}. */
    private static final boolean[] KEY_CHARS = new boolean[128];

    static {
        for (char c = 0; c < KEY_CHARS.length; c++) {
            KEY_CHARS[c] = Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '$' || c == '@';
        }
    }

    private LineMasker() {
    }

    /** Masks a document's lines (each with its terminator, as from splitlines(keepends=True)); never null. */
    public static List<String> maskLines(List<String> lines) {
        List<List<TextSpan>> spans = spans(lines);
        List<String> masked = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int end = contentEnd(line);
            masked.add(TextMasks.apply(line.substring(0, end), spans.get(i)) + line.substring(end));
        }
        return masked;
    }

    /** A multi-line text (a parsed value, say) masked line by line; line breaks are kept. */
    public static String maskText(String text) {
        return String.join("", maskLines(PythonText.splitLinesKeepEnds(text)));
    }

    /**
     * For each line, the spans of its content (terminator excluded) to mask; unmasked lines get an empty list.
     * Lines of a {@link TextLines} are read in place, without copying them out.
     */
    static List<List<TextSpan>> spans(List<String> lines) {
        LineMasker masker = new LineMasker();
        if (lines instanceof TextLines text) {
            String whole = text.text();
            // Where the next "://" is, found for the whole text rather than looked for on every line.
            int url = whole.indexOf("://");
            for (int i = 0; i < text.size(); i++) {
                int start = text.start(i);
                int end = contentEnd(whole, start, text.end(i));
                if (url >= 0 && url < start) {
                    url = whole.indexOf("://", start);
                }
                masker.accept(whole, start, end, url >= 0 && url + 3 <= end);
            }
        } else {
            for (String line : lines) {
                masker.accept(line, 0, contentEnd(line), line.contains("://"));
            }
        }
        return masker.out;
    }

    private void accept(String text, int start, int end, boolean hasUrl) {
        content = text;
        base = start;
        n = end - start;
        spans = null;
        unterminated[0] = Integer.MAX_VALUE;
        unterminated[1] = Integer.MAX_VALUE;
        int from = carriedOver();
        // Most lines of a large config name no secret at all: one pass rules them out before the key-by-key scan.
        if (from >= 0 && SecretPolicy.mayNameSecret(text, start + from, end)) {
            scanKeys(from);
        }
        if (hasUrl) {
            for (TextSpan url : UrlPasswords.find(text.substring(start, end))) {
                mask(url.start(), url.end());
            }
        }
        out.add(spans == null ? List.of() : spans);
    }

    /**
     * Applies what the previous lines left open.
     *
     * @return where to look for keys, or -1 when the whole line belongs to a secret value
     */
    private int carriedOver() {
        int indent = indentFrom(0);
        boolean blank = isBlank();
        if (continuation) {
            continuation = endsInOddBackslashes();
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
                return maskRest(indentFrom(indent + 1));
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
            char c = at(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"' || c == '\'') {
                i = quotedKey(i, c);
            } else if (isKeyStart(c)) {
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
        if (value < 0 || !isSecretKey(i + 1, close, quote)) {
            return i + 1;
        }
        return maskValue(value, i, quote == '"' && separatorChar == ':');
    }

    private int bareKey(int i) {
        int end = i;
        while (end < n) {
            char c = at(end);
            if (c == '\\' && end + 1 < n) {
                end += 2;
            } else if (c < KEY_CHARS.length ? KEY_CHARS[c] : Character.isLetterOrDigit(c)) {
                end++;
            } else {
                break;
            }
        }
        int value = separator(end, true);
        if (value < 0 || !isSecretKey(i, end, '\0')) {
            return end;
        }
        return maskValue(value, i, false);
    }

    /**
     * Where the value after a key ending at {@code from} starts: after blanks, {@code :} or {@code =} and blanks;
     * or, when {@code blankSeparates}, after at least one blank. -1 when no separator follows.
     */
    private int separator(int from, boolean blankSeparates) {
        int i = indentFrom(from);
        if (i < n && (at(i) == ':' || at(i) == '=')) {
            separatorChar = at(i);
            return indentFrom(i + 1);
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
        char c = at(start);
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
            while (end < n && ",}] \t".indexOf(at(end)) < 0) {
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
        continuation = endsInOddBackslashes();
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

    /** Tracks brackets (outside strings) from {@code from}; the index where they all close, or -1 (state kept). */
    private int closeStructure(int from) {
        for (int i = from; i < n; i++) {
            char c = at(i);
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
        while (k >= 0 && (at(k) == ' ' || at(k) == '\t')) {
            k--;
        }
        return k < 0 || "[{,:".indexOf(at(k)) >= 0;
    }

    private boolean onlyTrailing(int from) {
        int i = indentFrom(from);
        if (i < n && (at(i) == ',' || at(i) == ';')) {
            i = indentFrom(i + 1);
        }
        return i >= n || at(i) == '#';
    }

    private boolean isBlockIndicator(int start) {
        int i = start + 1;
        while (i < n && "-+0123456789".indexOf(at(i)) >= 0) {
            i++;
        }
        return onlyTrailing(i);
    }

    private boolean isSequenceItem(int indent) {
        return at(indent) == '-' && (indent + 1 == n || at(indent + 1) == ' '
                || at(indent + 1) == '\t');
    }

    /** The end of an unquoted value: the line end less blanks and one final {@code ;} or {@code ,}. */
    private int trimmedEnd(int start) {
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

    private void mask(int from, int to) {
        if (from < to) {
            if (spans == null) {
                spans = new ArrayList<>(2);
            }
            spans.add(new TextSpan(from, to));
        }
    }

    /** Character {@code i} of the current line. */
    private char at(int i) {
        return content.charAt(base + i);
    }

    /**
     * Whether the key between {@code from} and {@code to} (inside its quotes, if any) names a secret. A key without
     * escapes is its own name and is checked in place; one with them is decoded first ({@link #decode}).
     */
    private boolean isSecretKey(int from, int to, char quote) {
        int start = base + from;
        int end = base + to;
        if (content.indexOf('\\', start, end) < 0 && (quote != '\'' || content.indexOf('\'', start, end) < 0)) {
            return SecretPolicy.isSecretName(content, start, end);
        }
        return SecretPolicy.isSecretName(decode(from, to, quote));
    }

    /** The key name between {@code from} and {@code to}: backslash escapes decoded, and {@code ''} in '...'. */
    private String decode(int from, int to, char quote) {
        String raw = content.substring(base + from, base + to);
        if (quote == '\'') {
            return raw.replace("''", "'");
        }
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        List<DecodedView> views = DecodedView.of(raw);
        return views.isEmpty() ? raw : views.get(0).text;
    }

    private static boolean isKeyStart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@';
    }

    private boolean endsInOddBackslashes() {
        int count = 0;
        for (int i = n - 1; i >= 0 && at(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }

    /** As {@link String#isBlank} for the current line. */
    private boolean isBlank() {
        for (int i = 0; i < n; i++) {
            if (!Character.isWhitespace(at(i))) {
                return false;
            }
        }
        return true;
    }

    /** The first index at or after {@code from} that is not a space or tab ({@code n} if none). */
    private int indentFrom(int from) {
        int i = from;
        while (i < n && (at(i) == ' ' || at(i) == '\t')) {
            i++;
        }
        return i;
    }

    static int contentEnd(String line) {
        return contentEnd(line, 0, line.length());
    }

    /** The end of {@code text[start, end)} without its line terminators. */
    static int contentEnd(String text, int start, int end) {
        int i = end;
        while (i > start && isTerminator(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static boolean isTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || c >= '\u001c' && c <= '\u001e'
                || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
