package dev.fnbundle.configaudit.semantic;

import dev.fnbundle.configaudit.secrets.TextSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects leaves by path, refusing more than {@link #MAX_KEYS} of them so that alias expansion or a pathological
 * document cannot exhaust memory, and the positions of secret values. The paths go into a hash map: keeping 20 000
 * paths that share long prefixes sorted cost more than reading them ({@link ParsedConfig#entries()} sorts on
 * demand).
 */
final class LeafCollector {
    /** Upper bound on keys per document; real configs have a few thousand at most. */
    static final int MAX_KEYS = 200_000;

    private final ConfigFormat format;
    private final Map<String, ConfigEntry> entries = new HashMap<>();
    private final List<TextSpan> secretSpans = new ArrayList<>();

    LeafCollector(ConfigFormat format) {
        this.format = format;
    }

    /**
     * Adds a leaf; a repeated path keeps the last value (as Properties and repeated YAML merges do).
     *
     * @throws ConfigParseException at the given position when the key limit is exceeded
     */
    void put(String path, String name, String value, boolean secret, int line, int column) {
        entries.put(path, new ConfigEntry(path, name, value, secret));
        if (entries.size() > MAX_KEYS) {
            throw new ConfigParseException(format, line, column, "more than " + MAX_KEYS + " keys");
        }
    }

    /** Records where a secret value stands in the text; empty spans are ignored. */
    void secretAt(int start, int end) {
        if (start < end) {
            secretSpans.add(new TextSpan(start, end));
        }
    }

    boolean contains(String path) {
        return entries.containsKey(path);
    }

    ParsedConfig parsed() {
        return new ParsedConfig(entries, secretSpans);
    }
}
