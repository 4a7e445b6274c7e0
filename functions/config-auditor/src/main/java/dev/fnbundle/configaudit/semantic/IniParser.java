package dev.fnbundle.configaudit.semantic;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;

/**
 * INI in the manner of Python's {@code configparser} (strict mode, no interpolation).
 *
 * <ul>
 *   <li>{@code [section]} headers; the section name is taken verbatim, and {@code DEFAULT} is an ordinary
 *       section (its values are not copied into the others).</li>
 *   <li>{@code key = value} or {@code key: value}, split at the first {@code =} or {@code :}; keys are stripped and
 *       lower-cased (configparser's {@code optionxform}), values stripped. Path: {@code section.key}; keys before
 *       any section are allowed (configparser rejects them) and get the path {@code key}.</li>
 *   <li>Whole-line comments start with {@code #} or {@code ;}; inline comments are part of the value, as in
 *       configparser's default.</li>
 *   <li>A non-blank line indented deeper than its key line continues the value (joined with {@code \n}); a blank
 *       line ends the value.</li>
 *   <li>Duplicate sections and duplicate keys within a section are errors, like configparser's strict mode.</li>
 * </ul>
 */
public final class IniParser implements ConfigParser {

    @Override
    public SortedMap<String, ConfigEntry> parse(String text) {
        Document doc = new Document();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int n = 0; n < lines.length; n++) {
            doc.accept(lines[n], n + 1);
        }
        doc.flush();
        return doc.leaves.entries();
    }

    /** Parsing state of one document: the current section and the key whose value may still continue. */
    private static final class Document {
        private final LeafCollector leaves = new LeafCollector(ConfigFormat.INI);
        private final Set<String> sections = new HashSet<>();
        private String section = "";
        private String key;
        private StringBuilder value;
        private int keyIndent;
        private int keyLine;

        void accept(String raw, int line) {
            String stripped = raw.strip();
            if (stripped.startsWith("#") || stripped.startsWith(";")) {
                // Whole-line comments are skipped even inside a continued value, as configparser does.
                return;
            }
            int indent = indentOf(raw);
            if (stripped.isEmpty()) {
                flush();
            } else if (key != null && indent > keyIndent) {
                value.append('\n').append(stripped);
            } else if (stripped.startsWith("[")) {
                flush();
                section = header(stripped, line, indent);
            } else {
                flush();
                startKey(stripped, line, indent);
            }
        }

        private void startKey(String stripped, int line, int indent) {
            int split = firstDelimiter(stripped);
            if (split < 0) {
                throw error(line, indent + 1, "expected '[section]', 'key = value' or a comment");
            }
            String name = stripped.substring(0, split).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw error(line, indent + 1, "empty key");
            }
            if (leaves.contains(path(name))) {
                throw error(line, indent + 1, "duplicate key " + quote(name) + sectionSuffix());
            }
            key = name;
            value = new StringBuilder(stripped.substring(split + 1).strip());
            keyIndent = indent;
            keyLine = line;
        }

        private String header(String stripped, int line, int indent) {
            if (!stripped.endsWith("]") || stripped.length() < 3) {
                throw error(line, indent + 1, "a section header must look like [name]");
            }
            String name = stripped.substring(1, stripped.length() - 1);
            if (!sections.add(name)) {
                throw error(line, indent + 1, "duplicate section " + quote(name));
            }
            return name;
        }

        void flush() {
            if (key != null) {
                leaves.put(path(key), key, value.toString(), keyLine, 1);
                key = null;
            }
        }

        private String path(String name) {
            return section.isEmpty() ? name : section + "." + name;
        }

        private String sectionSuffix() {
            return section.isEmpty() ? " before any section" : " in section " + quote(section);
        }
    }

    private static int firstDelimiter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static int indentOf(String raw) {
        int i = 0;
        while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String quote(String name) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return "'" + shown + "'";
    }

    private static ConfigParseException error(int line, int column, String detail) {
        return new ConfigParseException(ConfigFormat.INI, line, column, detail);
    }
}
