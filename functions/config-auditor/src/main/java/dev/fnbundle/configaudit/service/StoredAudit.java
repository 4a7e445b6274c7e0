package dev.fnbundle.configaudit.service;

import dev.fnbundle.configaudit.audit.AuditReport;
import java.time.Instant;
import java.util.Objects;

/**
 * One audit as stored and served: the (masked) report with its id, time and origin.
 *
 * @param id        a random UUID
 * @param createdAt when it ran
 * @param source    how it was requested
 * @param baseline  the stored baseline version it compared against, or null for an ad-hoc audit
 * @param report    the report; every text in it is masked
 */
public record StoredAudit(String id, Instant createdAt, AuditSource source, BaselineRef baseline,
                          AuditReport report) {
    public StoredAudit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(report, "report");
    }

    /** The short form kept in a baseline's drift history. */
    public AuditSummary summary() {
        return AuditSummary.of(this);
    }
}
