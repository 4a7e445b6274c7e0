package dev.fnbundle.rss.aws;

import static dev.fnbundle.rss.aws.Keys.instant;
import static dev.fnbundle.rss.aws.Keys.n;
import static dev.fnbundle.rss.aws.Keys.put;
import static dev.fnbundle.rss.aws.Keys.s;
import static dev.fnbundle.rss.aws.Keys.text;

import dev.fnbundle.common.crypto.Digests;
import dev.fnbundle.rss.entries.StoredEntry;
import dev.fnbundle.rss.model.Enclosure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The entries table: per feed ({@code FEED#<id>}) an entry item {@code ENTRY#<sortAt>#<entryId>} (newest first
 * is a reverse query) and a claim item {@code CLAIM#<sha256 of dedupe key>} that makes storing exactly-once.
 * Entry items are also in the {@code ItemsByIngestion} index: partition {@code DAY#<UTC day of ingestion>}, sort
 * key {@code <ingestedAt>#<feedId>#<entryId>}. The day bucket spreads index writes over one partition per day
 * (a single constant partition would cap ingestion throughput for ever); the price is that a query since a time
 * reads one bucket per day, so how far back it may reach is bounded.
 */
final class EntryItems {
    static final String BY_INGESTION = "ItemsByIngestion";
    static final String ENTRY_PREFIX = "ENTRY#";
    static final String DAY_PREFIX = "DAY#";

    private EntryItems() {
    }

    static String entrySortKey(StoredEntry entry) {
        return ENTRY_PREFIX + Keys.time(entry.sortAt()) + "#" + entry.entryId();
    }

    static Map<String, AttributeValue> claimKey(String feedId, String dedupeKey) {
        return Map.of(Keys.PK, s(Keys.feedPartition(feedId)),
                Keys.SK, s("CLAIM#" + Digests.sha256Hex(dedupeKey)));
    }

    static Map<String, AttributeValue> claim(StoredEntry entry) {
        var item = new HashMap<>(claimKey(entry.feedId(), entry.dedupeKey()));
        item.put("dedupeKey", s(entry.dedupeKey()));
        item.put("entrySk", s(entrySortKey(entry)));
        item.put("claimedAt", s(Keys.time(entry.ingestedAt())));
        return item;
    }

    static Map<String, AttributeValue> entry(StoredEntry entry) {
        var item = new HashMap<String, AttributeValue>();
        item.put(Keys.PK, s(Keys.feedPartition(entry.feedId())));
        item.put(Keys.SK, s(entrySortKey(entry)));
        item.put("gsi1pk", s(DAY_PREFIX + Keys.day(entry.ingestedAt())));
        item.put("gsi1sk", s(Keys.time(entry.ingestedAt()) + "#" + entry.feedId() + "#" + entry.entryId()));
        item.put("feedId", s(entry.feedId()));
        item.put("entryId", s(entry.entryId()));
        item.put("dedupeKey", s(entry.dedupeKey()));
        put(item, "guid", entry.guid());
        put(item, "title", entry.title());
        put(item, "link", entry.link());
        put(item, "published", entry.published() == null ? null : entry.published().toString());
        put(item, "updated", entry.updated() == null ? null : entry.updated().toString());
        put(item, "author", entry.author());
        put(item, "summary", entry.summary());
        put(item, "content", entry.content());
        if (entry.contentOmitted()) {
            item.put("contentOmitted", AttributeValue.fromBool(true));
        }
        if (!entry.categories().isEmpty()) {
            item.put("categories", AttributeValue.fromL(entry.categories().stream().map(Keys::s).toList()));
        }
        if (!entry.enclosures().isEmpty()) {
            item.put("enclosures", AttributeValue.fromL(entry.enclosures().stream().map(EntryItems::enclosure)
                    .toList()));
        }
        item.put("sortAt", s(entry.sortAt().toString()));
        item.put("ingestedAt", s(entry.ingestedAt().toString()));
        return item;
    }

    static StoredEntry stored(Map<String, AttributeValue> item) {
        List<String> categories = item.containsKey("categories")
                ? item.get("categories").l().stream().map(AttributeValue::s).toList() : List.of();
        List<Enclosure> enclosures = item.containsKey("enclosures")
                ? item.get("enclosures").l().stream().map(v -> enclosure(v.m())).toList() : List.of();
        return new StoredEntry(item.get("feedId").s(), item.get("entryId").s(), item.get("dedupeKey").s(),
                text(item, "guid"), text(item, "title"), text(item, "link"), instant(item, "published"),
                instant(item, "updated"), text(item, "author"), text(item, "summary"), text(item, "content"),
                item.containsKey("contentOmitted") && Boolean.TRUE.equals(item.get("contentOmitted").bool()),
                categories, enclosures, instant(item, "sortAt"), instant(item, "ingestedAt"));
    }

    private static AttributeValue enclosure(Enclosure enclosure) {
        var map = new HashMap<String, AttributeValue>();
        map.put("url", s(enclosure.url()));
        put(map, "type", enclosure.type());
        if (enclosure.length() != null) {
            map.put("length", n(enclosure.length()));
        }
        return AttributeValue.fromM(map);
    }

    private static Enclosure enclosure(Map<String, AttributeValue> map) {
        return new Enclosure(map.get("url").s(), text(map, "type"),
                map.containsKey("length") ? Long.valueOf(map.get("length").n()) : null);
    }
}
