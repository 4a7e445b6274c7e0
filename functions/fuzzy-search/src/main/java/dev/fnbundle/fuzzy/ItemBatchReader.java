package dev.fnbundle.fuzzy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.validation.Validation;
import dev.fnbundle.fuzzy.catalog.BatchTooLargeException;
import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.search.CatalogIndex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code "items": [{"id", "text", "fields"?}, ...]} member of a request body or import message, recording
 * every invalid item field (up to {@value #MAX_ERRORS}) in the caller's {@link Validation}.
 *
 * <p>Limits: {@code id} a non-blank string of at most 256 characters; {@code text} a string (may be empty) of at most
 * 2 000 code points; {@code fields} an optional JSON object of at most {@value #MAX_FIELDS_BYTES} bytes, stored and
 * returned with search results but never searched.
 */
final class ItemBatchReader {
    /** Largest accepted {@code fields} object, as compact UTF-8 JSON. */
    static final int MAX_FIELDS_BYTES = 4_096;
    private static final int MAX_ERRORS = 100;

    private ItemBatchReader() {
    }

    /**
     * Reads a whole body {@code {"items": [...]}}.
     *
     * @throws dev.fnbundle.common.validation.InvalidFieldsException (400) listing every invalid item field
     * @throws BatchTooLargeException when the array holds more than {@code maxItems} items
     */
    static List<CatalogEntry> readBody(JsonNode body, int maxItems) {
        var v = Validation.of(body);
        List<CatalogEntry> entries = read(v, body, maxItems);
        v.throwIfInvalid();
        return entries;
    }

    /**
     * @param maxItems the most items the request may carry
     * @return the entries; meaningful only when {@code v} is still valid afterwards
     * @throws BatchTooLargeException when the array holds more than {@code maxItems} items
     */
    static List<CatalogEntry> read(Validation v, JsonNode body, int maxItems) {
        JsonNode items = v.required("items");
        if (items == null) {
            return List.of();
        }
        if (!items.isArray()) {
            v.reject("items", "must be an array of {id, text, fields?} objects");
            return List.of();
        }
        if (items.size() > maxItems) {
            throw new BatchTooLargeException(items.size(), maxItems);
        }
        var entries = new ArrayList<CatalogEntry>(items.size());
        var rejections = new Rejections(v);
        for (int i = 0; i < items.size() && rejections.count < MAX_ERRORS; i++) {
            CatalogEntry entry = entry(items.get(i), "items[" + i + "]", rejections);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** Records item errors in the validation, counting them so a hopeless batch stops early. */
    private static final class Rejections {
        private final Validation validation;
        private int count;

        Rejections(Validation validation) {
            this.validation = validation;
        }

        void reject(String field, String detail) {
            validation.reject(field, detail);
            count++;
        }
    }

    private static CatalogEntry entry(JsonNode item, String path, Rejections v) {
        if (!item.isObject()) {
            v.reject(path, "must be an object with id and text");
            return null;
        }
        String id = id(item.get("id"), path + ".id", v);
        String text = text(item.get("text"), path + ".text", v);
        String fields = fields(item.get("fields"), path + ".fields", v);
        boolean invalidFields = fields == null && item.hasNonNull("fields");
        return id == null || text == null || invalidFields ? null : new CatalogEntry(id, text, fields);
    }

    private static String id(JsonNode node, String path, Rejections v) {
        if (node == null || node.isNull()) {
            v.reject(path, "is required");
        } else if (!node.isTextual() || node.textValue().isBlank()) {
            v.reject(path, "must be a non-blank string");
        } else if (node.textValue().length() > CatalogIndex.MAX_ID_LENGTH) {
            v.reject(path, "must be at most " + CatalogIndex.MAX_ID_LENGTH + " characters");
        } else {
            return node.textValue();
        }
        return null;
    }

    private static String text(JsonNode node, String path, Rejections v) {
        if (node == null || node.isNull()) {
            v.reject(path, "is required");
        } else if (!node.isTextual()) {
            v.reject(path, "must be a string");
        } else if (node.textValue().codePointCount(0, node.textValue().length()) > CatalogIndex.MAX_TEXT_LENGTH) {
            v.reject(path, "must be at most " + CatalogIndex.MAX_TEXT_LENGTH + " characters (code points)");
        } else {
            return node.textValue();
        }
        return null;
    }

    private static String fields(JsonNode node, String path, Rejections v) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            v.reject(path, "must be an object");
            return null;
        }
        String json = Json.write(node);
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_FIELDS_BYTES) {
            v.reject(path, "must be at most " + MAX_FIELDS_BYTES + " bytes of JSON");
            return null;
        }
        return json;
    }
}
