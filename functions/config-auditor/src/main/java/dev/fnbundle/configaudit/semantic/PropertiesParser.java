package dev.fnbundle.configaudit.semantic;

import dev.fnbundle.configaudit.secrets.SecretPolicy;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * {@code java.util.Properties} files, read by {@link Properties#load(java.io.Reader)} itself so escapes,
 * continuation lines, {@code #}/{@code !} comments and the {@code =}/{@code :}/whitespace separators behave
 * exactly as in Java. Keys are already paths ({@code spring.datasource.url}) and are kept verbatim; a repeated key
 * keeps its last value, as Properties does.
 *
 * <p>A key is secret when it contains a secret name anywhere ({@code spring.datasource.password},
 * {@code credentials.user}); the positions of secret values are found by a scanner that reads logical lines as
 * Properties does (continuations, escapes, comments).
 *
 * <p>The only syntax error Properties knows is a malformed {@code \\uXXXX} escape; it is reported at the first
 * such escape in the text.
 */
public final class PropertiesParser implements ConfigParser {

    @Override
    public ParsedConfig read(String text) {
        Map<String, String> loaded = new LinkedHashMap<>();
        Properties recorder = new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public synchronized Object put(Object key, Object value) {
                return loaded.put((String) key, (String) value);
            }
        };
        try {
            recorder.load(new StringReader(text));
        } catch (IllegalArgumentException e) {
            int[] where = firstMalformedUnicodeEscape(text);
            throw new ConfigParseException(ConfigFormat.PROPERTIES, where[0], where[1],
                    "malformed \\uXXXX escape", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string failed", e);
        }
        LeafCollector leaves = new LeafCollector(ConfigFormat.PROPERTIES);
        loaded.forEach((key, value) -> leaves.put(key, lastName(key), value, SecretPolicy.isSecretName(key), 1, 1));
        new LogicalLines(text, leaves).read();
        return leaves.parsed();
    }

    /**
     * Reads the text's logical lines as {@link Properties#load(java.io.Reader)} does, only to record where the
     * values of secret keys stand. Linear in the text.
     */
    private static final class LogicalLines {
        private final String text;
        private final LeafCollector leaves;
        private final StringBuilder line = new StringBuilder();
        private int[] raw = new int[64];
        private int pos;

        LogicalLines(String text, LeafCollector leaves) {
            this.text = text;
            this.leaves = leaves;
        }

        void read() {
            while (pos < text.length()) {
                if (logicalLine()) {
                    record();
                }
            }
        }

        /** Reads the next logical line into {@link #line}; false for a blank or comment line. */
        private boolean logicalLine() {
            line.setLength(0);
            pos = skipBlanks(pos);
            if (pos >= text.length() || isBreak(text.charAt(pos))) {
                pos = nextLine(pos);
                return false;
            }
            if (text.charAt(pos) == '#' || text.charAt(pos) == '!') {
                pos = nextLine(pos);
                return false;
            }
            while (true) {
                int end = pos;
                while (end < text.length() && !isBreak(text.charAt(end))) {
                    end++;
                }
                int backslashes = 0;
                while (end - backslashes > pos && text.charAt(end - backslashes - 1) == '\\') {
                    backslashes++;
                }
                boolean continued = backslashes % 2 == 1;
                append(pos, continued ? end - 1 : end);
                pos = nextLine(end);
                if (!continued || pos >= text.length()) {
                    return true;
                }
                pos = skipBlanks(pos);
            }
        }

        private void append(int from, int to) {
            for (int i = from; i < to; i++) {
                if (line.length() == raw.length) {
                    raw = java.util.Arrays.copyOf(raw, raw.length * 2);
                }
                raw[line.length()] = i;
                line.append(text.charAt(i));
            }
        }

        private void record() {
            int n = line.length();
            StringBuilder key = new StringBuilder();
            int i = 0;
            while (i < n) {
                char c = line.charAt(i);
                if (c == '=' || c == ':' || isBlank(c)) {
                    break;
                }
                if (c == '\\' && i + 1 < n) {
                    i = unescape(i, key);
                } else {
                    key.append(c);
                    i++;
                }
            }
            while (i < n && isBlank(line.charAt(i))) {
                i++;
            }
            if (i < n && (line.charAt(i) == '=' || line.charAt(i) == ':')) {
                i++;
            }
            while (i < n && isBlank(line.charAt(i))) {
                i++;
            }
            if (i < n && SecretPolicy.isSecretName(key.toString())) {
                leaves.secretAt(raw[i], raw[n - 1] + 1);
            }
        }

        /** Decodes the escape at {@code i} into {@code out}; returns the index after it. */
        private int unescape(int i, StringBuilder out) {
            char d = line.charAt(i + 1);
            if (d == 'u' && i + 6 <= line.length()) {
                out.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                return i + 6;
            }
            out.append(switch (d) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 'f' -> '\f';
                default -> d;
            });
            return i + 2;
        }

        private int skipBlanks(int from) {
            int i = from;
            while (i < text.length() && isBlank(text.charAt(i))) {
                i++;
            }
            return i;
        }

        private int nextLine(int from) {
            int i = from;
            while (i < text.length() && !isBreak(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                return i + 2;
            }
            return Math.min(i + 1, text.length());
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t' || c == '\f';
        }

        private static boolean isBreak(char c) {
            return c == '\n' || c == '\r';
        }
    }

    /** The part after the last dot, e.g. {@code password} for {@code db.password}. */
    private static String lastName(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 || dot == key.length() - 1 ? key : key.substring(dot + 1);
    }

    /** Line and column (1-based) of the first backslash-u not followed by four hex digits, or 1:1. */
    static int[] firstMalformedUnicodeEscape(String text) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            } else if (c == '\\') {
                if (i + 1 < text.length() && text.charAt(i + 1) == 'u' && !fourHexDigits(text, i + 2)) {
                    return new int[] {line, i - lineStart + 1};
                }
                // An escaped character (including an escaped backslash) is skipped as a unit.
                i++;
                if (i < text.length() && text.charAt(i) == '\r' || i < text.length() && text.charAt(i) == '\n') {
                    i--;
                }
            }
        }
        return new int[] {1, 1};
    }

    private static boolean fourHexDigits(String text, int from) {
        if (from + 4 > text.length()) {
            return false;
        }
        for (int k = from; k < from + 4; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
