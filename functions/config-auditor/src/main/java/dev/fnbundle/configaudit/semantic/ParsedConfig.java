package dev.fnbundle.configaudit.semantic;

import dev.fnbundle.configaudit.secrets.TextSpan;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One parsed config document.
 *
 * @param byPath      its leaves by path, in document order (unmodifiable): key drift needs lookups and walks two
 *                    documents side by side, so paths are sorted only where a sorted view is asked for
 *                    ({@link #entries()})
 * @param secretSpans where the values of secret entries stand in the text (UTF-16 offsets, quotes excluded where
 *                    the format has them), so that they can be masked in place however short they are
 * @param secretValues the values of secret entries and the passwords of URLs in any value, collected while
 *                     reading (a value overwritten by a repeated path included), to be masked wherever they appear
 */
public record ParsedConfig(Map<String, ConfigEntry> byPath, List<TextSpan> secretSpans, List<String> secretValues) {
    public ParsedConfig {
        byPath = Collections.unmodifiableMap(byPath);
        secretSpans = List.copyOf(secretSpans);
        secretValues = List.copyOf(secretValues);
    }

    /** The leaves sorted by path (a new map each call: O(n log n), meant for tests and small documents). */
    public SortedMap<String, ConfigEntry> entries() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(byPath));
    }
}
