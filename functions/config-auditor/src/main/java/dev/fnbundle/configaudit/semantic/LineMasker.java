package dev.fnbundle.configaudit.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secret values in raw config lines so line diffs can be shown without leaking them, whatever the format.
 *
 * <p>Rule: every key-like token ({@code [A-Za-z0-9_$@][\w.-]*}, optionally quoted) whose last dot-separated part
 * is a secret name per {@link SecretPolicy#isSecretName} and which is followed by {@code =}, {@code :} or blanks
 * has its value replaced by {@value SecretPolicy#MASK}: a quoted value up to its closing quote (keeping the
 * quotes), an unquoted one up to the end of the line less a trailing {@code ;} or {@code ,}. This covers
 * {@code password = x}, {@code db.password=x}, {@code token: x}, {@code "apiKey": "x",}, minified JSON and
 * {@code ssl_certificate_key /path;}. When a secret key's value is empty
 * or a YAML block indicator ({@code |}, {@code >}), the following lines indented deeper are masked whole; when it
 * ends with a backslash (a properties continuation), the following continuation lines are masked whole. URL
 * passwords are masked on every line. Line terminators are preserved, so the masked list has the same length and
 * line structure as the input.
 *
 * <p>Over-masking is accepted (a {@code keyboard} value is masked too); leaking is not.
 */
public final class LineMasker {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_$@][\\w.\\-]*");
    private static final Pattern AFTER_KEY = Pattern.compile("[\"']?(?:\\s*[:=]\\s*|[ \\t]+)");
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");
    private static final Pattern BLOCK_INDICATOR = Pattern.compile("[|>][-+0-9]*");

    private final List<String> out = new ArrayList<>();
    private int blockIndent = -1;
    private boolean continuation;

    private LineMasker() {
    }

    /** Masks a document's lines (each with its terminator, as from splitlines(keepends=True)); never null. */
    public static List<String> maskLines(List<String> lines) {
        LineMasker masker = new LineMasker();
        lines.forEach(masker::accept);
        return masker.out;
    }

    private void accept(String line) {
        int end = contentEnd(line);
        String content = line.substring(0, end);
        String terminator = line.substring(end);
        int indent = indentOf(content);
        boolean blank = content.isBlank();
        if (continuation || blockIndent >= 0 && !blank && indent > blockIndent) {
            continuation = continuation && content.endsWith("\\");
            out.add(content.substring(0, indent) + SecretPolicy.MASK + terminator);
            return;
        }
        if (!blank) {
            blockIndent = -1;
        }
        out.add(maskContent(content, indent) + terminator);
    }

    private String maskContent(String content, int indent) {
        StringBuilder sb = new StringBuilder();
        int copied = 0;
        Matcher token = TOKEN.matcher(content);
        int from = 0;
        while (from < content.length() && token.find(from)) {
            from = token.end();
            if (!SecretPolicy.isSecretName(lastPart(token.group()))) {
                continue;
            }
            Matcher separator = AFTER_KEY.matcher(content).region(token.end(), content.length());
            if (!separator.lookingAt()) {
                continue;
            }
            int start = separator.end();
            int end = valueEnd(content, start);
            String raw = content.substring(start, end);
            noteOpenValue(raw, content, end, indent);
            if (!raw.isEmpty() && !BLOCK_INDICATOR.matcher(raw).matches()) {
                sb.append(content, copied, start).append(masked(raw));
                copied = end;
            }
            from = Math.max(from, end);
        }
        return SecretPolicy.maskUrlPasswords(sb.append(content, copied, content.length()).toString());
    }

    /** End of a value starting at start: its closing quote, or the line end less blanks and a final ; or ,. */
    private static int valueEnd(String content, int start) {
        Matcher quoted = QUOTED.matcher(content).region(start, content.length());
        if (quoted.lookingAt()) {
            return quoted.end();
        }
        int end = content.length();
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

    private void noteOpenValue(String raw, String content, int valueEnd, int indent) {
        String rest = content.substring(valueEnd).strip();
        if ((raw.isEmpty() || BLOCK_INDICATOR.matcher(raw).matches()) && rest.isEmpty()) {
            blockIndent = indent;
        }
        if (content.endsWith("\\")) {
            continuation = true;
        }
    }

    private static String masked(String raw) {
        char q = raw.charAt(0);
        if ((q == '"' || q == '\'') && raw.length() >= 2 && raw.charAt(raw.length() - 1) == q) {
            return q + SecretPolicy.MASK + q;
        }
        return SecretPolicy.MASK;
    }

    private static String lastPart(String token) {
        int dot = token.lastIndexOf('.', token.length() - 2);
        return dot < 0 ? token : token.substring(dot + 1);
    }

    private static int contentEnd(String line) {
        int end = line.length();
        while (end > 0 && isTerminator(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean isTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || c >= '\u001c' && c <= '\u001e'
                || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static int indentOf(String content) {
        int i = 0;
        while (i < content.length() && (content.charAt(i) == ' ' || content.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
