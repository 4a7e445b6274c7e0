package dev.fnbundle.configaudit.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fnbundle.configaudit.audit.AuditReport;

/**
 * How many lines, sections and keys an audit found changed; always complete, even when lists are trimmed. The key
 * counts are absent (left out of the JSON) when the audit has no key drift because a side did not parse.
 */
public record AuditCounts(int addedLines, int removedLines, int changedSections,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer changedKeys,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer addedKeys,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer removedKeys,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer criticalKeys) {
    /** The counts of a report. */
    public static AuditCounts of(AuditReport report) {
        var keys = report.keyDrift();
        if (keys == null) {
            return new AuditCounts(report.addedLines().size(), report.removedLines().size(),
                    report.changedSections().size(), null, null, null, null);
        }
        return new AuditCounts(report.addedLines().size(), report.removedLines().size(),
                report.changedSections().size(), keys.changedKeys().size(), keys.addedKeys().size(),
                keys.removedKeys().size(), keys.criticalKeys().size());
    }
}
