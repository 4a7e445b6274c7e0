package dev.fnbundle.configaudit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fnbundle.configaudit.audit.AuditWarning;
import dev.fnbundle.configaudit.semantic.ChangedKey;
import dev.fnbundle.configaudit.semantic.KeyValue;
import dev.fnbundle.configaudit.service.AuditCounts;
import dev.fnbundle.configaudit.service.StoredAudit;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of one audit. Every text is masked. When the whole report would not fit in a Lambda response,
 * {@link ResponseBudget#fit} drops the unified diff and shortens the lists; {@code truncated} then says so and
 * {@code counts} still has the full figures ({@code GET /audits/{id}/diff} serves the diff).
 *
 * @param baselineVersion the stored baseline version compared against, or null for an ad-hoc audit
 * @param keyDrift        the key-level changes; absent (not null: left out) when a side did not parse in its
 *                        guessed format, which {@code warnings} then explains
 * @param unifiedDiff     the unified diff, or null when truncated
 * @param warnings        what the audit had to skip, e.g. {@code key-drift-skipped}; empty when nothing
 */
public record AuditView(String id, String name, Instant createdAt, String source, Long baselineVersion,
                        String format, double similarity, boolean hasDrift, String severity, String summary,
                        AuditCounts counts, List<String> addedLines, List<String> removedLines,
                        List<String> changedSections, @JsonInclude(JsonInclude.Include.NON_NULL) KeyDriftView keyDrift,
                        String unifiedDiff, boolean truncated, List<AuditWarning> warnings,
                        Map<String, String> links) {

    /**
     * Key-level changes, each list sorted by key path.
     *
     * @param changedKeys  {@code {"key", "old", "new"}}, secret values masked
     * @param addedKeys    {@code {"key", "value"}}
     * @param removedKeys  {@code {"key", "value"}}
     * @param criticalKeys the changed keys matching a critical pattern
     */
    public record KeyDriftView(List<ChangedKey> changedKeys, List<KeyValue> addedKeys, List<KeyValue> removedKeys,
                               List<String> criticalKeys) {
        KeyDriftView first(int n) {
            return new KeyDriftView(head(changedKeys, n), head(addedKeys, n), head(removedKeys, n),
                    head(criticalKeys, n));
        }
    }

    /** The full view of a stored audit. */
    public static AuditView of(StoredAudit audit) {
        var r = audit.report();
        var k = r.keyDrift();
        var links = new LinkedHashMap<String, String>();
        links.put("self", "/audits/" + audit.id());
        links.put("diff", "/audits/" + audit.id() + "/diff");
        if (audit.baseline() != null) {
            links.put("history", "/baselines/" + audit.baseline().name() + "/audits");
        }
        return new AuditView(audit.id(), r.name(), audit.createdAt(), audit.source().label(),
                audit.baseline() == null ? null : audit.baseline().version(), r.format().label(), r.similarity(),
                r.hasDrift(), r.severity().label(), r.summary(), AuditCounts.of(r), r.addedLines(), r.removedLines(),
                r.changedSections(), k == null ? null : new KeyDriftView(k.changedKeys(), k.addedKeys(),
                k.removedKeys(), k.criticalKeys()), r.unifiedDiff(), false, r.warnings(), links);
    }

    /** The same view without the unified diff and with each list cut to its first {@code n} items. */
    AuditView truncated(int n) {
        return new AuditView(id, name, createdAt, source, baselineVersion, format, similarity, hasDrift, severity,
                summary, counts, head(addedLines, n), head(removedLines, n), head(changedSections, n),
                keyDrift == null ? null : keyDrift.first(n), null, true, warnings, links);
    }

    private static <T> List<T> head(List<T> list, int n) {
        return list.size() <= n ? list : list.subList(0, n);
    }
}
