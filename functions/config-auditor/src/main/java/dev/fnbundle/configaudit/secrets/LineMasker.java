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
 *
 * <p>The work is split by job: this class walks the lines; {@link MaskedLine} reads the current one in place and
 * collects its spans; {@link SecretKeyScanner} finds its keys; {@link SecretValueState} masks a secret key's
 * value and carries what stays open into the following lines.
 */
public final class LineMasker {
    private final List<List<TextSpan>> out;
    private final MaskedLine line = new MaskedLine();
    private final SecretValueState values = new SecretValueState(line);
    private final SecretKeyScanner keys = new SecretKeyScanner(line, values);

    /** Sized for the document's lines: a 20 000-line list grown by halves copied most of its work again. */
    private LineMasker(int lines) {
        this.out = new ArrayList<>(lines);
    }

    /** Masks a document's lines (each with its terminator, as from splitlines(keepends=True)); never null. */
    public static List<String> maskLines(List<String> lines) {
        List<List<TextSpan>> spans = spans(lines);
        List<String> masked = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            int end = contentEnd(text);
            masked.add(TextMasks.apply(text.substring(0, end), spans.get(i)) + text.substring(end));
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
        LineMasker masker = new LineMasker(lines.size());
        if (lines instanceof TextLines text) {
            String whole = text.text();
            // Where the next "://" is, found for the whole text rather than looked for on every line.
            int url = whole.indexOf("://");
            MarkerLetters letters = text.isPlainAscii() ? MarkerLetters.over(whole) : null;
            for (int i = 0; i < text.size(); i++) {
                int start = text.start(i);
                int end = contentEnd(whole, start, text.end(i));
                if (url >= 0 && url < start) {
                    url = whole.indexOf("://", start);
                }
                masker.accept(whole, start, end, url >= 0 && url + 3 <= end,
                        letters == null || letters.mayNameSecret(start, end));
            }
        } else {
            for (String text : lines) {
                masker.accept(text, 0, contentEnd(text), text.contains("://"), true);
            }
        }
        return masker.out;
    }

    /** One line; {@code mayNameSecret} false when a cheaper look ruled out a secret name anywhere on it. */
    private void accept(String text, int start, int end, boolean hasUrl, boolean mayNameSecret) {
        line.reset(text, start, end);
        int from = values.carriedOver();
        // Most lines of a large config name no secret at all: one pass rules them out before the key-by-key scan.
        if (from >= 0 && mayNameSecret && line.mayNameSecret(from)) {
            keys.scan(from);
        }
        if (hasUrl) {
            for (TextSpan url : UrlPasswords.find(text.substring(start, end))) {
                line.mask(url.start(), url.end());
            }
        }
        out.add(line.spans());
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
