package dev.fnbundle.configaudit.service;

import dev.fnbundle.configaudit.audit.AuditReport;

/** How many lines, sections and keys an audit found changed; always complete, even when lists are trimmed. */
public record AuditCounts(int addedLines, int removedLines, int changedSections, int changedKeys, int addedKeys,
                          int removedKeys, int criticalKeys) {
    /** The counts of a report. */
    public static AuditCounts of(AuditReport report) {
        var keys = report.keyDrift();
        return new AuditCounts(report.addedLines().size(), report.removedLines().size(),
                report.changedSections().size(), keys.changedKeys().size(), keys.addedKeys().size(),
                keys.removedKeys().size(), keys.criticalKeys().size());
    }
}
