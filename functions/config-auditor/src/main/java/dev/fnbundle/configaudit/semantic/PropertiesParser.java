package dev.fnbundle.configaudit.semantic;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;

/**
 * {@code java.util.Properties} files, read by {@link Properties#load(java.io.Reader)} itself so escapes,
 * continuation lines, {@code #}/{@code !} comments and the {@code =}/{@code :}/whitespace separators behave
 * exactly as in Java. Keys are already paths ({@code spring.datasource.url}) and are kept verbatim; a repeated key
 * keeps its last value, as Properties does.
 *
 * <p>The only syntax error Properties knows is a malformed {@code \\uXXXX} escape; it is reported at the first
 * such escape in the text.
 */
public final class PropertiesParser implements ConfigParser {

    @Override
    public SortedMap<String, ConfigEntry> parse(String text) {
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
        loaded.forEach((key, value) -> leaves.put(key, lastName(key), value, 1, 1));
        return leaves.entries();
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
