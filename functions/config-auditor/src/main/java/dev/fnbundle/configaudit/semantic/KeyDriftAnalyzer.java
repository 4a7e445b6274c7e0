package dev.fnbundle.configaudit.semantic;

import dev.fnbundle.configaudit.secrets.SecretPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
     * Computes the drift from baseline to current, keyed by path. Each key is looked up once in the other side's
     * map (hashing; with hash maps, O(n + m) for n and m keys) and only the differences are sorted, so two large
     * configs that differ in a few keys cost a lookup per key, not a comparison of long shared path prefixes per
     * level of a search tree.
     *
     * @param critical patterns whose matches make the drift critical; may be empty, never null
     */
    public static KeyDrift compare(Map<String, ConfigEntry> baseline, Map<String, ConfigEntry> current,
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
        changed.sort(Comparator.comparing(ChangedKey::key));
        added.sort(Comparator.comparing(KeyValue::key));
        removed.sort(Comparator.comparing(KeyValue::key));
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
