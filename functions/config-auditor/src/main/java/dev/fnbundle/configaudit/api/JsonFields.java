package dev.fnbundle.configaudit.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.validation.Validation;
import java.util.ArrayList;
import java.util.List;

/**
 * Type checks of optional JSON fields that keep "absent" distinct from "present": absent or null gives null,
 * a value of the wrong type is recorded on the {@link Validation} (and gives null). Value checks (ranges,
 * patterns, required fields) are the auditor's, which reports them all at once too.
 */
final class JsonFields {
    private JsonFields() {
    }

    static String string(Validation v, JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            v.reject(field, "must be a string");
            return null;
        }
        return value.textValue();
    }

    static Integer integer(Validation v, JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            v.reject(field, "must be an integer");
            return null;
        }
        return value.intValue();
    }

    static Boolean bool(Validation v, JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            v.reject(field, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /** An array of strings; its items' other checks (blank, length, count) are the auditor's. */
    static List<String> strings(Validation v, JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            v.reject(field, "must be an array of strings");
            return null;
        }
        var items = new ArrayList<String>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isTextual()) {
                items.add(item.textValue());
            } else {
                v.reject(field + "[" + i + "]", "must be a string");
            }
        }
        return items;
    }
}
