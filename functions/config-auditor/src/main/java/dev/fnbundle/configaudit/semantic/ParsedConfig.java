package dev.fnbundle.configaudit.semantic;

import dev.fnbundle.configaudit.secrets.TextSpan;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One parsed config document: its leaves by path, where its secret values stand, and those values.
 *
 * <p>An INI document with plain paths keeps its leaves where they stand in its text ({@link IniKeys}); its map
 * is built on first use of {@link #byPath()}, and key drift between two such documents compares them in place.
 * Thread-safe: the map, once built, is published through a volatile field (building it twice is harmless).
 */
public final class ParsedConfig {
    private final IniKeys iniKeys;
    private final List<TextSpan> secretSpans;
    private final List<String> secretValues;
    private volatile Map<String, ConfigEntry> byPath;

    /**
     * @param byPath       its leaves by path, in document order: key drift needs lookups and walks two documents
     *                     side by side, so paths are sorted only where a sorted view is asked for
     *                     ({@link #entries()})
     * @param secretSpans  where the values of secret entries stand in the text (UTF-16 offsets, quotes excluded
     *                     where the format has them), so that they can be masked in place however short they are
     * @param secretValues the values of secret entries and the passwords of URLs in any value, collected while
     *                     reading (a value overwritten by a repeated path included), to be masked wherever they
     *                     appear
     */
    public ParsedConfig(Map<String, ConfigEntry> byPath, List<TextSpan> secretSpans, List<String> secretValues) {
        this(null, Collections.unmodifiableMap(byPath), secretSpans, secretValues);
    }

    /** An INI document's leaves in place. */
    ParsedConfig(IniKeys iniKeys, List<TextSpan> secretSpans, List<String> secretValues) {
        this(iniKeys, null, secretSpans, secretValues);
    }

    private ParsedConfig(IniKeys iniKeys, Map<String, ConfigEntry> byPath, List<TextSpan> secretSpans,
                         List<String> secretValues) {
        this.iniKeys = iniKeys;
        this.byPath = byPath;
        this.secretSpans = List.copyOf(secretSpans);
        this.secretValues = List.copyOf(secretValues);
    }

    /** The leaves by path, in document order (unmodifiable). */
    public Map<String, ConfigEntry> byPath() {
        Map<String, ConfigEntry> map = byPath;
        if (map == null) {
            map = Collections.unmodifiableMap(iniKeys.toMap());
            byPath = map;
        }
        return map;
    }

    /** Where the values of secret entries stand in the text. */
    public List<TextSpan> secretSpans() {
        return secretSpans;
    }

    /** The values of secret entries and the passwords of URLs in any value. */
    public List<String> secretValues() {
        return secretValues;
    }

    /** The leaves sorted by path (a new map each call: O(n log n), meant for tests and small documents). */
    public SortedMap<String, ConfigEntry> entries() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(byPath()));
    }

    /** The INI leaves in place, or null when this document has only its map. */
    IniKeys iniKeys() {
        return iniKeys;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedConfig other && byPath().equals(other.byPath())
                && secretSpans.equals(other.secretSpans) && secretValues.equals(other.secretValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(byPath(), secretSpans, secretValues);
    }

    /** Paths only: values may be secrets. */
    @Override
    public String toString() {
        return "ParsedConfig" + byPath().keySet();
    }
}
