package dev.fnbundle.fuzzy.aws;

import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.catalog.CatalogHeader;
import dev.fnbundle.fuzzy.catalog.CatalogSettings;
import dev.fnbundle.fuzzy.search.Ranker;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item layout of the catalog table. A catalog is one partition, {@code CATALOG#<name>}: its header at sort key
 * {@code #CATALOG} (name, version, itemCount, createdAt, updatedAt, settings) and one item per catalog item at
 * {@code ITEM#<id>} (id, text, fields as compact JSON, updatedAt). Sort keys order items by id, in UTF-8 byte order,
 * which is the catalog's order.
 */
final class CatalogItems {
    static final String HEADER = "#CATALOG";
    static final String ITEM_PREFIX = "ITEM#";

    private CatalogItems() {
    }

    static AttributeValue partition(String catalog) {
        return AttributeValue.fromS("CATALOG#" + catalog);
    }

    static Map<String, AttributeValue> headerKey(String catalog) {
        return Map.of("pk", partition(catalog), "sk", AttributeValue.fromS(HEADER));
    }

    static Map<String, AttributeValue> itemKey(String catalog, String id) {
        return Map.of("pk", partition(catalog), "sk", AttributeValue.fromS(ITEM_PREFIX + id));
    }

    static Map<String, AttributeValue> newHeader(String catalog, CatalogSettings settings, Instant now) {
        var item = new HashMap<>(headerKey(catalog));
        item.put("name", AttributeValue.fromS(catalog));
        item.put("version", number(0));
        item.put("itemCount", number(0));
        item.put("createdAt", AttributeValue.fromS(now.toString()));
        item.put("updatedAt", AttributeValue.fromS(now.toString()));
        item.put("settings", settings(settings));
        return item;
    }

    static AttributeValue settings(CatalogSettings settings) {
        return AttributeValue.fromM(Map.of(
                "ranker", AttributeValue.fromS(settings.ranker().apiName()),
                "threshold", AttributeValue.fromN(Double.toString(settings.threshold())),
                "limit", number(settings.limit())));
    }

    static CatalogHeader header(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> settings = item.get("settings").m();
        return new CatalogHeader(item.get("name").s(), Long.parseLong(item.get("version").n()),
                Long.parseLong(item.get("itemCount").n()), Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()),
                new CatalogSettings(Ranker.fromName(settings.get("ranker").s()),
                        Double.parseDouble(settings.get("threshold").n()),
                        Integer.parseInt(settings.get("limit").n())));
    }

    static Map<String, AttributeValue> item(String catalog, CatalogEntry entry, Instant now) {
        var item = new HashMap<>(itemKey(catalog, entry.id()));
        item.put("id", AttributeValue.fromS(entry.id()));
        item.put("text", AttributeValue.fromS(entry.text()));
        if (entry.fields() != null) {
            item.put("fields", AttributeValue.fromS(entry.fields()));
        }
        item.put("updatedAt", AttributeValue.fromS(now.toString()));
        return item;
    }

    static CatalogEntry entry(Map<String, AttributeValue> item) {
        AttributeValue fields = item.get("fields");
        return new CatalogEntry(item.get("id").s(), item.get("text").s(), fields == null ? null : fields.s());
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
