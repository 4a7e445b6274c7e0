package dev.fnbundle.configaudit.semantic;

import dev.fnbundle.configaudit.secrets.TextSpan;
import java.util.List;
import java.util.SortedMap;

/**
 * One parsed config document.
 *
 * @param entries     its leaves by path, sorted by path
 * @param secretSpans where the values of secret entries stand in the text (UTF-16 offsets, quotes excluded where
 *                    the format has them), so that they can be masked in place however short they are
 */
public record ParsedConfig(SortedMap<String, ConfigEntry> entries, List<TextSpan> secretSpans) {
    public ParsedConfig {
        secretSpans = List.copyOf(secretSpans);
    }
}
