package dev.fnbundle.fuzzy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.sqs.QueueSender;
import dev.fnbundle.common.validation.Validation;
import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.catalog.CatalogService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The import queue's message format:
 * <pre>{@code {"catalog": "books", "items": [{"id": "b-1", "text": "...", "fields": {...}}, ...],
 *  "importId": "...", "part": 0}}</pre>
 * with at most {@value CatalogService#MAX_BATCH_ITEMS} items and, as SQS requires, at most 256 KiB in all;
 * {@code importId} and {@code part} are optional and only traced in logs.
 */
final class ImportMessages {
    /** Room left under SQS's 262 144-byte message limit for the envelope. */
    static final int MAX_MESSAGE_BYTES = 240 * 1024;

    private ImportMessages() {
    }

    /** One decoded message. */
    record Batch(String catalog, List<CatalogEntry> entries, String importId) {
    }

    /**
     * Splits entries into message bodies of at most {@value CatalogService#MAX_BATCH_ITEMS} items and
     * {@link #MAX_MESSAGE_BYTES} bytes each, in order.
     */
    static List<String> bodies(String catalog, String importId, List<CatalogEntry> entries) {
        var bodies = new ArrayList<String>();
        ArrayNode items = Json.mapper().createArrayNode();
        int bytes = 0;
        for (CatalogEntry entry : entries) {
            ObjectNode item = item(entry);
            // Measured as sent: characters SQS refuses go out as six-byte escapes.
            int size = QueueSender.sqsSafe(Json.write(item)).getBytes(StandardCharsets.UTF_8).length + 1;
            if (!items.isEmpty() && (items.size() == CatalogService.MAX_BATCH_ITEMS
                    || bytes + size > MAX_MESSAGE_BYTES)) {
                bodies.add(body(catalog, importId, bodies.size(), items));
                items = Json.mapper().createArrayNode();
                bytes = 0;
            }
            items.add(item);
            bytes += size;
        }
        if (!items.isEmpty()) {
            bodies.add(body(catalog, importId, bodies.size(), items));
        }
        return bodies;
    }

    /**
     * Decodes and validates a message.
     *
     * @throws dev.fnbundle.common.validation.InvalidFieldsException listing every invalid field
     * @throws dev.fnbundle.common.json.MalformedJsonException when the body is not JSON
     * @throws dev.fnbundle.fuzzy.catalog.BatchTooLargeException over {@value CatalogService#MAX_BATCH_ITEMS} items
     */
    static Batch read(String body) {
        var json = Json.parse(body);
        var v = Validation.of(json);
        String catalog = v.requiredText("catalog", 64);
        List<CatalogEntry> entries = ItemBatchReader.read(v, json, CatalogService.MAX_BATCH_ITEMS);
        String importId = v.optionalText("importId", 256).orElse(null);
        v.throwIfInvalid();
        return new Batch(catalog, entries, importId);
    }

    private static ObjectNode item(CatalogEntry entry) {
        ObjectNode item = Json.mapper().createObjectNode();
        item.put("id", entry.id());
        item.put("text", entry.text());
        if (entry.fields() != null) {
            item.set("fields", Json.parse(entry.fields()));
        }
        return item;
    }

    private static String body(String catalog, String importId, int part, ArrayNode items) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("catalog", catalog);
        body.put("importId", importId);
        body.put("part", part);
        body.set("items", items);
        return Json.write(body);
    }
}
