package dev.fnbundle.rss.aws;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key shapes and attribute conversions shared by the adapters. Times in keys are fixed-width UTC with
 * milliseconds, so they sort as text.
 */
final class Keys {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String FEED_SK = "FEED";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

    private Keys() {
    }

    /** {@code FEED#<id>}: the partition of a feed, in both tables. */
    static String feedPartition(String feedId) {
        return "FEED#" + feedId;
    }

    /** The key of a feed's subscription item in the feeds table. */
    static Map<String, AttributeValue> feedKey(String feedId) {
        return Map.of(PK, AttributeValue.fromS(feedPartition(feedId)), SK, AttributeValue.fromS(FEED_SK));
    }

    /** A sortable time, e.g. {@code 2026-11-25T10:00:00.000Z}; years 0000-9999 only. */
    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** The UTC day, e.g. {@code 2026-11-25}. */
    static String day(Instant instant) {
        return DAY.format(instant);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** Sets a string attribute; a null value leaves the attribute out, so absent fields stay absent. */
    static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    /** A string attribute, or null when the item lacks it. */
    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** An ISO-8601 instant attribute, or null when the item lacks it. */
    static Instant instant(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : Instant.parse(value.s());
    }
}
