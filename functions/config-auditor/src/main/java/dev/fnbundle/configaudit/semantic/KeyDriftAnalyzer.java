package dev.fnbundle.configaudit.semantic;

import dev.fnbundle.configaudit.secrets.SecretPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Compares two parsed configs key by key. Order of keys in the documents, whitespace and comments play no part:
 * only paths and values do. Real values are compared; the result shows a secret entry's value as
 * {@link SecretPolicy#MASK} and any other value with its URL passwords masked. (The auditor then also redacts the
 * secret values of either side wherever else they appear, see {@link KeyDrift#map}.)
 */
public final class KeyDriftAnalyzer {
    private KeyDriftAnalyzer() {
    }

    /**
     * Computes the drift from baseline to current; O((n + m) log(n + m)) for n and m keys.
     *
     * @param critical patterns whose matches make the drift critical; may be empty, never null
     */
    public static KeyDrift compare(SortedMap<String, ConfigEntry> baseline, SortedMap<String, ConfigEntry> current,
                                   List<KeyGlob> critical) {
        List<ChangedKey> changed = new ArrayList<>();
        List<KeyValue> added = new ArrayList<>();
        List<KeyValue> removed = new ArrayList<>();
        List<String> hits = new ArrayList<>();
        for (Map.Entry<String, ConfigEntry> e : baseline.entrySet()) {
            ConfigEntry now = current.get(e.getKey());
            ConfigEntry was = e.getValue();
            if (now == null) {
                removed.add(new KeyValue(was.path(), shown(was)));
                noteCritical(hits, was.path(), critical);
            } else if (!now.value().equals(was.value())) {
                changed.add(new ChangedKey(was.path(), shown(was), shown(now)));
                noteCritical(hits, was.path(), critical);
            }
        }
        for (Map.Entry<String, ConfigEntry> e : current.entrySet()) {
            if (!baseline.containsKey(e.getKey())) {
                added.add(new KeyValue(e.getKey(), shown(e.getValue())));
                noteCritical(hits, e.getKey(), critical);
            }
        }
        hits.sort(null);
        Severity severity = !hits.isEmpty() ? Severity.CRITICAL
                : changed.isEmpty() && added.isEmpty() && removed.isEmpty() ? Severity.NONE : Severity.WARNING;
        return new KeyDrift(changed, added, removed, hits, severity);
    }

    private static String shown(ConfigEntry entry) {
        return entry.secret() ? SecretPolicy.MASK : SecretPolicy.maskUrlPasswords(entry.value());
    }

    private static void noteCritical(List<String> hits, String path, List<KeyGlob> critical) {
        if (critical.isEmpty()) {
            return;
        }
        String folded = path.toLowerCase(Locale.ROOT);
        for (KeyGlob glob : critical) {
            if (glob.matchesFolded(folded)) {
                hits.add(path);
                return;
            }
        }
    }
}
