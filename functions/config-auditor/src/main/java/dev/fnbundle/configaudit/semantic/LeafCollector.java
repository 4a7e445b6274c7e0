package dev.fnbundle.configaudit.semantic;

import dev.fnbundle.configaudit.secrets.TextSpan;
import dev.fnbundle.configaudit.secrets.UrlPasswords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects leaves by path, refusing more than {@link #MAX_KEYS} of them so that alias expansion or a pathological
 * document cannot exhaust memory, and the positions of secret values. The paths go into a hash map kept in
 * document order: keeping 20 000 paths that share long prefixes sorted cost more than reading them
 * ({@link ParsedConfig#entries()} sorts on demand), and key drift walks two documents in their order.
 */
final class LeafCollector {
    /** Upper bound on keys per document; real configs have a few thousand at most. */
    static final int MAX_KEYS = 200_000;

    private final ConfigFormat format;
    private final Map<String, ConfigEntry> entries;
    private final List<TextSpan> secretSpans = new ArrayList<>();
    private final List<String> secretValues = new ArrayList<>();

    LeafCollector(ConfigFormat format) {
        this(format, 16);
    }

    /** A collector whose map holds {@code expected} leaves without growing (capped at {@link #MAX_KEYS}). */
    LeafCollector(ConfigFormat format, int expected) {
        this.format = format;
        this.entries = LinkedHashMap.newLinkedHashMap(Math.min(Math.max(expected, 16), MAX_KEYS));
    }

    /**
     * Adds a leaf; a repeated path keeps the last value (as Properties and repeated YAML merges do). A secret value,
     * and the password of any URL in a value, is also kept for masking by value.
     *
     * @throws ConfigParseException at the given position when the key limit is exceeded
     */
    void put(String path, String name, String value, boolean secret, int line, int column) {
        entries.put(path, new ConfigEntry(path, name, value, secret));
        collected(value, secret, line, column);
    }

    /**
     * As {@link #put} for a path not seen yet; returns false, and adds nothing, when the path is already there.
     *
     * @throws ConfigParseException at the given position when the key limit is exceeded
     */
    boolean putNew(String path, String name, String value, boolean secret, int line, int column) {
        if (entries.putIfAbsent(path, new ConfigEntry(path, name, value, secret)) != null) {
            return false;
        }
        collected(value, secret, line, column);
        return true;
    }

    private void collected(String value, boolean secret, int line, int column) {
        // Collected while the value is at hand (a value a repeated path overwrites stays a secret to hide).
        secretsOf(value, secret);
        if (entries.size() > MAX_KEYS) {
            throw new ConfigParseException(format, line, column, "more than " + MAX_KEYS + " keys");
        }
    }

    /**
     * Keeps what {@code value} holds to be masked by value: all of it when it is secret, and the password of any
     * URL in it. For leaves kept outside this collector ({@link IniKeys}), in the order they are read.
     */
    void secretsOf(String value, boolean secret) {
        if (secret) {
            secretValues.add(value);
        }
        if (value.contains("://")) {
            UrlPasswords.find(value).forEach(s -> secretValues.add(value.substring(s.start(), s.end())));
        }
    }

    /** Records where a secret value stands in the text; empty spans are ignored. */
    void secretAt(int start, int end) {
        if (start < end) {
            secretSpans.add(new TextSpan(start, end));
        }
    }

    /** The number of leaves put so far. */
    int size() {
        return entries.size();
    }

    boolean contains(String path) {
        return entries.containsKey(path);
    }

    ParsedConfig parsed() {
        return new ParsedConfig(entries, secretSpans, secretValues);
    }

    /** The document whose leaves are {@code keys} (none were put here), with the spans and values collected. */
    ParsedConfig parsed(IniKeys keys) {
        return new ParsedConfig(keys, secretSpans, secretValues);
    }
}
