package dev.fnbundle.configaudit.semantic;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Key-level differences between two parsed configs, each list sorted by key path (String order).
 *
 * @param changedKeys  keys on both sides whose real values differ
 * @param addedKeys    keys only in the current config
 * @param removedKeys  keys only in the baseline
 * @param criticalKeys the changed, added or removed keys that match a critical pattern, sorted
 * @param severity     {@code CRITICAL} if criticalKeys is non-empty, else {@code WARNING} if any key differs,
 *                     else {@code NONE}
 */
public record KeyDrift(List<ChangedKey> changedKeys, List<KeyValue> addedKeys, List<KeyValue> removedKeys,
                       List<String> criticalKeys, Severity severity) {
    /** Copies the lists, which must be non-null. */
    public KeyDrift {
        changedKeys = List.copyOf(changedKeys);
        addedKeys = List.copyOf(addedKeys);
        removedKeys = List.copyOf(removedKeys);
        criticalKeys = List.copyOf(criticalKeys);
    }

    /** The same drift with every key path and value passed through {@code shown} (to redact them). */
    public KeyDrift map(UnaryOperator<String> shown) {
        return new KeyDrift(
                changedKeys.stream().map(c -> new ChangedKey(shown.apply(c.key()), shown.apply(c.oldValue()),
                        shown.apply(c.newValue()))).toList(),
                addedKeys.stream().map(k -> new KeyValue(shown.apply(k.key()), shown.apply(k.value()))).toList(),
                removedKeys.stream().map(k -> new KeyValue(shown.apply(k.key()), shown.apply(k.value()))).toList(),
                criticalKeys.stream().map(shown).toList(), severity);
    }

    /** True when any key was added, removed or changed. */
    public boolean hasChanges() {
        return !changedKeys.isEmpty() || !addedKeys.isEmpty() || !removedKeys.isEmpty();
    }
}
