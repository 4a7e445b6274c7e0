package dev.fnbundle.configaudit.semantic;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Guesses the format of a config when the caller gives none. Only "significant" lines count: non-blank lines
 * that are not whole-line comments ({@code #}, {@code ;}, {@code !}, {@code //}). Rules, first match wins:
 * <ol>
 *   <li>The first significant line starts with {@code &#123;}, or with {@code [} and reads as the start of a JSON
 *       array rather than an INI section header (see {@link #isSectionHeader}): JSON.</li>
 *   <li>At least 60% of significant lines end with {@code ;}, {@code &#123;} or {@code &#125;}: NGINX.</li>
 *   <li>Some significant line is a section header ({@code [name]}, {@code [remote "origin"]},
 *       {@code [*.{js,py}]}): INI.</li>
 *   <li>More lines look like YAML ({@code ---}, {@code - item}, or {@code key:} followed by a space or the end of
 *       the line, with no {@code =} before the colon) than like properties ({@code key=value} with the
 *       {@code =} before any colon): YAML.</li>
 *   <li>Otherwise, including empty text: PROPERTIES (any text is a valid properties file).</li>
 * </ol>
 * A guess may still not parse; the auditor then degrades to a line-level audit with a warning. Every test here
 * is a scanner or a regular expression without backtracking, so detection is linear in the text.
 */
public final class FormatDetector {
    /** Possessive: {@code [^=:]} cannot match the {@code =} that must follow, so nothing is worth giving back. */
    private static final Pattern PROPERTIES_PAIR = Pattern.compile("[^=:\\s][^=:]*+=.*+");

    private FormatDetector() {
    }

    /** Detects the format from baseline, or from current when baseline has no significant line. */
    public static ConfigFormat detect(String baseline, String current) {
        return significantLines(baseline).isEmpty() ? detect(current) : detect(baseline);
    }

    /** Detects the format of one text; never null, never throws for non-null input. */
    public static ConfigFormat detect(String text) {
        List<String> lines = significantLines(text);
        if (lines.isEmpty()) {
            return ConfigFormat.PROPERTIES;
        }
        String first = lines.get(0);
        if (first.startsWith("{") || first.startsWith("[") && !isSectionHeader(first)) {
            return ConfigFormat.JSON;
        }
        long nginxish = lines.stream().filter(l -> l.endsWith(";") || l.endsWith("{") || l.endsWith("}")).count();
        if (nginxish * 10 >= lines.size() * 6L) {
            return ConfigFormat.NGINX;
        }
        if (lines.stream().anyMatch(FormatDetector::isSectionHeader)) {
            return ConfigFormat.INI;
        }
        long yamlish = lines.stream().filter(l -> l.equals("---") || l.startsWith("- ") || l.equals("-")
                || isYamlKey(l)).count();
        long propertiesish = lines.stream().filter(l -> PROPERTIES_PAIR.matcher(l).matches()).count();
        return yamlish > propertiesish ? ConfigFormat.YAML : ConfigFormat.PROPERTIES;
    }

    /**
     * Whether a stripped line is an INI section header: {@code [} name {@code ]}, the name non-blank and free of
     * brackets, optionally followed by a {@code #} or {@code ;} comment, and not the start of a JSON array: the
     * name does not start with a quote, a digit, {@code -}, {@code [}, or {@code &#123;} followed by a quote or
     * {@code &#125;}, and is not {@code true}, {@code false} or {@code null}.
     */
    static boolean isSectionHeader(String line) {
        if (!line.startsWith("[")) {
            return false;
        }
        int close = line.indexOf(']');
        if (close < 2) {
            return false;
        }
        String rest = line.substring(close + 1).strip();
        if (!rest.isEmpty() && !rest.startsWith("#") && !rest.startsWith(";")) {
            return false;
        }
        String name = line.substring(1, close).strip();
        if (name.isEmpty() || name.indexOf('[') >= 0) {
            return false;
        }
        char c = name.charAt(0);
        if (c == '"' || c == '-' || Character.isDigit(c) || name.equals("true") || name.equals("false")
                || name.equals("null")) {
            return false;
        }
        if (c == '{') {
            String inner = name.substring(1).strip();
            return !inner.startsWith("\"") && !inner.startsWith("}");
        }
        return true;
    }

    /**
     * {@code [^=\s#][^=]*?:( .*)?} matched against the whole line, as a scanner (the expression took quadratic time
     * on lines with many {@code ": "} and a line separator near the end): the first character is not {@code =},
     * {@code #} or a regex blank; some {@code :} after it has no {@code =} before it and ends the line, or is
     * followed by a space and then no line terminator ({@code .} does not match one).
     */
    static boolean isYamlKey(String line) {
        int n = line.length();
        if (n < 2) {
            return false;
        }
        char first = line.charAt(0);
        if (first == '=' || first == '#' || " \t\n\u000b\f\r".indexOf(first) >= 0) {
            return false;
        }
        int lastTerminator = -1;
        for (int i = 0; i < n; i++) {
            if (isDotExcluded(line.charAt(i))) {
                lastTerminator = i;
            }
        }
        for (int p = 1; p < n && line.charAt(p) != '='; p++) {
            if (line.charAt(p) == ':' && (p == n - 1 || line.charAt(p + 1) == ' ' && lastTerminator < p + 2)) {
                return true;
            }
        }
        return false;
    }

    /** The characters {@code .} does not match without DOTALL: Java's line terminators. */
    private static boolean isDotExcluded(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static List<String> significantLines(String text) {
        return text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith(";") && !l.startsWith("!")
                        && !l.startsWith("//"))
                .toList();
    }
}
