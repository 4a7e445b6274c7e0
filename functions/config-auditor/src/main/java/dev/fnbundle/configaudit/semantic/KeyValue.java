package dev.fnbundle.configaudit.semantic;

/**
 * An added or removed key.
 *
 * @param key   the key path
 * @param value its value, masked when secret
 */
public record KeyValue(String key, String value) {
}
