package dev.fnbundle.rss.parse;

import dev.fnbundle.rss.model.Enclosure;
import dev.fnbundle.rss.model.Entry;
import dev.fnbundle.rss.model.WarningCode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Collects the candidates for one entry's fields from whichever elements carry them and builds the normalized
 * {@link Entry}. Ranks (lower wins) encode which source is preferred, e.g. {@code content:encoded} over Atom
 * {@code content}, {@code pubDate} over {@code dc:date}. Lists are capped.
 */
final class EntryBuilder {
    final Ranked<String> id = new Ranked<>();
    final Ranked<String> title = new Ranked<>();
    final Ranked<String> link = new Ranked<>();
    final Ranked<Instant> published = new Ranked<>();
    final Ranked<Instant> updated = new Ranked<>();
    final Ranked<String> author = new Ranked<>();
    final Ranked<FieldReader.TextValue> summary = new Ranked<>();
    final Ranked<FieldReader.TextValue> content = new Ranked<>();

    private final Set<String> categories = new LinkedHashSet<>();
    private final Map<String, Enclosure> enclosures = new LinkedHashMap<>();
    private final int maxListItems;
    private final WarningCollector warnings;
    private URI contentBase;

    EntryBuilder(int maxListItems, WarningCollector warnings) {
        this.maxListItems = maxListItems;
        this.warnings = warnings;
    }

    void offerContent(FieldReader.TextValue value, int rank, URI base) {
        FieldReader.TextValue before = content.get();
        content.offer(value, rank);
        if (content.get() != before) {
            contentBase = base;
        }
    }

    void addCategory(String category, int line) {
        if (category == null || categories.contains(category)) {
            return;
        }
        if (categories.size() >= maxListItems) {
            warnings.add(WarningCode.LIST_TRUNCATED, "more than " + maxListItems + " categories in an entry", line);
            return;
        }
        categories.add(category);
    }

    void addEnclosure(String url, String type, String length, int line) {
        if (url == null || enclosures.containsKey(url)) {
            return;
        }
        if (enclosures.size() >= maxListItems) {
            warnings.add(WarningCode.LIST_TRUNCATED, "more than " + maxListItems + " enclosures in an entry", line);
            return;
        }
        String cleanType = type == null || type.isBlank() ? null : type.strip();
        enclosures.put(url, new Enclosure(url, cleanType, parseLength(length)));
    }

    private static Long parseLength(String length) {
        if (length == null) {
            return null;
        }
        try {
            long value = Long.parseLong(length.strip());
            return value < 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Builds the entry: summary from the summary source, else from the content; content sanitized against the
     * base URI in effect where it was written.
     */
    Entry build(int summaryMaxChars) {
        FieldReader.TextValue summarySource = summary.get() != null ? summary.get() : content.get();
        String summaryText = summarySource == null ? null : summarySource.toText(summaryMaxChars);
        FieldReader.TextValue contentSource = content.get();
        String contentHtml = contentSource == null ? null
                : HtmlSanitizer.sanitize(contentSource.toHtml(), contentBase);
        return new Entry(id.get(), title.get(), link.get(), published.get(), updated.get(), author.get(),
                summaryText, contentHtml, new ArrayList<>(categories), new ArrayList<>(enclosures.values()));
    }
}
