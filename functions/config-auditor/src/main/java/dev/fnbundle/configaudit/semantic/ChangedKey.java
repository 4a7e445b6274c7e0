package dev.fnbundle.configaudit.semantic;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A key present on both sides with different values; serialised as {@code {"key", "old", "new"}}.
 *
 * @param key      the key path
 * @param oldValue the baseline value, masked when secret
 * @param newValue the current value, masked when secret (so a changed secret shows as two masks)
 */
public record ChangedKey(String key, @JsonProperty("old") String oldValue, @JsonProperty("new") String newValue) {
}
