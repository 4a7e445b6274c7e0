package dev.fnbundle.configaudit.service;

import java.time.Instant;

/**
 * One entry of a baseline's drift history: the audit's figures without its lines and diff.
 *
 * @param id              the audit id ({@code GET /audits/{id}} has the rest)
 * @param createdAt       when it ran
 * @param source          {@code api}, {@code queue} or {@code schedule}
 * @param baselineVersion the baseline version it compared against
 * @param similarity      difflib's ratio over the real lines
 * @param hasDrift        similarity below 1
 * @param severity        {@code none}, {@code warning} or {@code critical}
 * @param summary         the seed's summary text
 * @param counts          what changed, counted
 */
public record AuditSummary(String id, Instant createdAt, String source, Long baselineVersion, double similarity,
                           boolean hasDrift, String severity, String summary, AuditCounts counts) {
    static AuditSummary of(StoredAudit audit) {
        var report = audit.report();
        return new AuditSummary(audit.id(), audit.createdAt(), audit.source().label(),
                audit.baseline() == null ? null : audit.baseline().version(), report.similarity(),
                report.hasDrift(), report.severity().label(), report.summary(), AuditCounts.of(report));
    }
}
