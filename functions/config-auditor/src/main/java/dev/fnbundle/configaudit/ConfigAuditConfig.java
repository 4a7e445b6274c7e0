package dev.fnbundle.configaudit;

import dev.fnbundle.common.config.Env;
import dev.fnbundle.fetch.SsrfGuard;
import java.time.Duration;

/**
 * The config auditor's settings, read once at init from the variables the template sets.
 *
 * @param table              CONFIG_AUDIT_TABLE: audits, baselines, history and idempotency records
 * @param auditRetention     AUDIT_RETENTION_DAYS (default 90): how long audits and history entries are kept
 * @param allowLoopbackFetch FETCH_ALLOW_LOOPBACK (default false): the local runtime's switch letting source URLs
 *                           point at loopback (and use plain http); never set in a deployed stack
 */
public record ConfigAuditConfig(String table, Duration auditRetention, boolean allowLoopbackFetch) {
    public static ConfigAuditConfig from(Env env) {
        int days = env.integer("AUDIT_RETENTION_DAYS", 90);
        if (days < 1) {
            throw new IllegalStateException("environment variable AUDIT_RETENTION_DAYS must be at least 1");
        }
        return new ConfigAuditConfig(env.required("CONFIG_AUDIT_TABLE"), Duration.ofDays(days),
                env.flag(SsrfGuard.ALLOW_LOOPBACK_ENV, false));
    }
}
