package dev.fnbundle.configaudit.semantic;

import dev.fnbundle.configaudit.secrets.SecretPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
     * As {@link #compare(Map, Map, List)} on the two documents' {@link ParsedConfig#byPath() maps}. Two INI
     * documents kept in place ({@link IniKeys}) whose keys stand in the same order (a config and its drifted copy
     * whose values changed) are compared where they stand: paths and values as ranges of the two texts, and only
     * the keys that differ become strings. Any other pair is compared by their maps.
     *
     * @param critical patterns whose matches make the drift critical; may be empty, never null
     */
    public static KeyDrift compare(ParsedConfig baseline, ParsedConfig current, List<KeyGlob> critical) {
        IniKeys was = baseline.iniKeys();
        IniKeys now = current.iniKeys();
        if (was != null && now != null && sameOrder(was, now)) {
            List<ChangedKey> changed = new ArrayList<>();
            List<String> hits = new ArrayList<>();
            for (int i = 0; i < was.size(); i++) {
                if (!was.sameValue(i, now, i)) {
                    ConfigEntry before = was.entry(i);
                    changed.add(new ChangedKey(before.path(), shown(before), shown(now.entry(i))));
                    noteCritical(hits, before.path(), critical);
                }
            }
            return drift(changed, new ArrayList<>(), new ArrayList<>(), hits);
        }
        return compare(baseline.byPath(), current.byPath(), critical);
    }

    /** Whether both documents have the same paths in the same order. */
    private static boolean sameOrder(IniKeys was, IniKeys now) {
        if (was.size() != now.size()) {
            return false;
        }
        for (int i = 0; i < was.size(); i++) {
            if (!was.samePath(i, now, i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Computes the drift from baseline to current, keyed by path; O(n + m) for n and m keys, plus sorting the
     * differences (the lists come out sorted by path).
     *
     * <p>The two maps are walked in their own order side by side: a config and its drifted copy list nearly
     * every key at the same place, so each key is first compared with the current key on the same "diagonal" (the
     * offset of the last key found), and looked up by hash only when that is another key. Parsers give maps in
     * document order ({@link ParsedConfig#byPath()}), so two 20 000-key configs cost one pass over neighbouring
     * memory rather than 40 000 probes into tables spread over megabytes. Any maps give the same result.
     *
     * @param critical patterns whose matches make the drift critical; may be empty, never null
     */
    public static KeyDrift compare(Map<String, ConfigEntry> baseline, Map<String, ConfigEntry> current,
                                   List<KeyGlob> critical) {
        List<ChangedKey> changed = new ArrayList<>();
        List<KeyValue> added = new ArrayList<>();
        List<KeyValue> removed = new ArrayList<>();
        List<String> hits = new ArrayList<>();
        // Keys and values as two arrays each, copied straight out of the maps: walking Map.Entry views of the
        // parsers' unmodifiable maps allocated a wrapper per entry and was most of this method's time.
        String[] wasPaths = baseline.keySet().toArray(new String[0]);
        ConfigEntry[] wasEntries = baseline.values().toArray(new ConfigEntry[0]);
        String[] nowPaths = current.keySet().toArray(new String[0]);
        ConfigEntry[] nowEntries = current.values().toArray(new ConfigEntry[0]);
        boolean[] matched = new boolean[nowPaths.length];
        Map<String, Integer> nowIndex = null;
        int diagonal = 0;
        for (int i = 0; i < wasPaths.length; i++) {
            String path = wasPaths[i];
            int j = i + diagonal;
            if (j < 0 || j >= nowPaths.length || !nowPaths[j].equals(path)) {
                if (nowIndex == null) {
                    nowIndex = positions(nowPaths);
                }
                Integer at = nowIndex.get(path);
                j = at == null ? -1 : at;
                diagonal = at == null ? diagonal : at - i;
            }
            ConfigEntry before = wasEntries[i];
            if (j < 0) {
                removed.add(new KeyValue(path, shown(before)));
                noteCritical(hits, path, critical);
                continue;
            }
            matched[j] = true;
            ConfigEntry after = nowEntries[j];
            if (!after.value().equals(before.value())) {
                changed.add(new ChangedKey(path, shown(before), shown(after)));
                noteCritical(hits, path, critical);
            }
        }
        // A current key no baseline key matched has a path the baseline lacks.
        for (int j = 0; j < nowPaths.length; j++) {
            if (!matched[j]) {
                added.add(new KeyValue(nowPaths[j], shown(nowEntries[j])));
                noteCritical(hits, nowPaths[j], critical);
            }
        }
        return drift(changed, added, removed, hits);
    }

    /** The drift of these differences: each list sorted, severity graded. */
    private static KeyDrift drift(List<ChangedKey> changed, List<KeyValue> added, List<KeyValue> removed,
                                  List<String> hits) {
        changed.sort(Comparator.comparing(ChangedKey::key));
        added.sort(Comparator.comparing(KeyValue::key));
        removed.sort(Comparator.comparing(KeyValue::key));
        hits.sort(null);
        Severity severity = !hits.isEmpty() ? Severity.CRITICAL
                : changed.isEmpty() && added.isEmpty() && removed.isEmpty() ? Severity.NONE : Severity.WARNING;
        return new KeyDrift(changed, added, removed, hits, severity);
    }

    private static Map<String, Integer> positions(String[] paths) {
        Map<String, Integer> index = new HashMap<>(paths.length * 2);
        for (int j = 0; j < paths.length; j++) {
            index.put(paths[j], j);
        }
        return index;
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
