package dev.fnbundle.configaudit.semantic;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Guesses the format of a config when the caller gives none. Only "significant" lines count: non-blank lines
 * that are not whole-line comments ({@code #}, {@code ;}, {@code !}, {@code //}). Rules, first match wins:
 * <ol>
 *   <li>The first significant line starts with {@code &#123;}, or with {@code [} but is not an INI section
 *       header ({@code [name]} where name has no quote, brace, comma or bracket): JSON.</li>
 *   <li>At least 60% of significant lines end with {@code ;}, {@code &#123;} or {@code &#125;}: NGINX.</li>
 *   <li>Some significant line is a section header {@code [name]}: INI.</li>
 *   <li>More lines look like YAML ({@code ---}, {@code - item}, or {@code key:} followed by a space or the end of
 *       the line, with no {@code =} before the colon) than like properties ({@code key=value} with the
 *       {@code =} before any colon): YAML.</li>
 *   <li>Otherwise, including empty text: PROPERTIES (any text is a valid properties file).</li>
 * </ol>
 */
public final class FormatDetector {
    private static final Pattern INI_HEADER = Pattern.compile("\\[[^\\[\\]\"'{},]+]");
    private static final Pattern YAML_KEY = Pattern.compile("(- +)?[^=\\s#][^=]*?:( .*)?");
    private static final Pattern PROPERTIES_PAIR = Pattern.compile("[^=:\\s][^=:]*=.*");

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
        if (first.startsWith("{") || first.startsWith("[") && !INI_HEADER.matcher(first).matches()) {
            return ConfigFormat.JSON;
        }
        long nginxish = lines.stream().filter(l -> l.endsWith(";") || l.endsWith("{") || l.endsWith("}")).count();
        if (nginxish * 10 >= lines.size() * 6L) {
            return ConfigFormat.NGINX;
        }
        if (lines.stream().anyMatch(l -> INI_HEADER.matcher(l).matches())) {
            return ConfigFormat.INI;
        }
        long yamlish = lines.stream().filter(l -> l.equals("---") || l.startsWith("- ") || l.equals("-")
                || YAML_KEY.matcher(l).matches()).count();
        long propertiesish = lines.stream().filter(l -> PROPERTIES_PAIR.matcher(l).matches()).count();
        return yamlish > propertiesish ? ConfigFormat.YAML : ConfigFormat.PROPERTIES;
    }

    private static List<String> significantLines(String text) {
        return text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith(";") && !l.startsWith("!")
                        && !l.startsWith("//"))
                .toList();
    }
}
