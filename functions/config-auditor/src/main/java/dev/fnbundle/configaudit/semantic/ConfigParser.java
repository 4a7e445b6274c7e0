package dev.fnbundle.configaudit.semantic;

import dev.fnbundle.configaudit.difflib.TextLines;
import java.util.SortedMap;

/** Parses one config document into its leaves, keyed and sorted by path. */
public interface ConfigParser {
    /**
     * Parses a document; text that is entirely blank (or only comments, where the format has them) has no
     * entries.
     *
     * @param text the document, never null
     * @return the entries and the positions of secret values; never null
     * @throws ConfigParseException when the text is not valid in this format; the message never echoes values
     */
    ParsedConfig read(String text);

    /** {@link #read(String)} of {@code lines.text()}; a parser that cuts lines as they are cut may take them. */
    default ParsedConfig read(TextLines lines) {
        return read(lines.text());
    }

    /** The entries of {@link #read}: by path, sorted by path. */
    default SortedMap<String, ConfigEntry> parse(String text) {
        return read(text).entries();
    }
}
