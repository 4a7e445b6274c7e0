package dev.fnbundle.embedded.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SAM's Globals rules: a function's own value wins; maps (e.g. {@code Environment.Variables}) are merged key by
 * key; lists and scalars are replaced, not concatenated.
 */
final class Globals {
    private Globals() {
    }

    static ObjectNode merge(JsonNode globals, JsonNode own) {
        ObjectNode merged = ((ObjectNode) globals).deepCopy();
        for (var field : own.properties()) {
            JsonNode global = merged.get(field.getKey());
            if (global != null && global.isObject() && field.getValue().isObject() && !isIntrinsic(global)
                    && !isIntrinsic(field.getValue())) {
                merged.set(field.getKey(), merge(global, field.getValue()));
            } else {
                merged.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return merged;
    }

    private static boolean isIntrinsic(JsonNode node) {
        if (node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::");
    }
}
