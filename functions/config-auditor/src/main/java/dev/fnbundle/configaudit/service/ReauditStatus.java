package dev.fnbundle.configaudit.service;

import java.time.Instant;

/**
 * The outcome of one scheduled re-audit of a baseline.
 *
 * @param at         when it ran
 * @param status     {@code ok} or {@code failed}
 * @param auditId    the audit it stored, or null when it failed
 * @param similarity the audit's similarity, or null
 * @param severity   the audit's severity, or null
 * @param problem    why it failed (never config content), or null
 */
public record ReauditStatus(Instant at, String status, String auditId, Double similarity, String severity,
                            String problem) {
    static ReauditStatus ok(Instant at, StoredAudit audit) {
        return new ReauditStatus(at, "ok", audit.id(), audit.report().similarity(),
                audit.report().severity().label(), null);
    }

    static ReauditStatus failed(Instant at, String problem) {
        return new ReauditStatus(at, "failed", null, null, null, problem);
    }
}
