package dev.fnbundle.configaudit.semantic;

import java.util.SortedMap;

/** Parses one config document into its leaves, keyed and sorted by path. */
public interface ConfigParser {
    /**
     * Parses text that is entirely blank (or only comments, where the format has them) into an empty map.
     *
     * @param text the document, never null
     * @return entries by path, sorted by path; never null
     * @throws ConfigParseException when the text is not valid in this format; the message never echoes values
     */
    SortedMap<String, ConfigEntry> parse(String text);
}
