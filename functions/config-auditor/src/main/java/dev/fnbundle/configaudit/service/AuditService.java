package dev.fnbundle.configaudit.service;

import dev.fnbundle.configaudit.audit.AuditReport;
import dev.fnbundle.configaudit.audit.AuditRequest;
import dev.fnbundle.configaudit.audit.DriftAuditor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs audits and stores them: ad hoc (both texts given) or against a stored baseline's latest version, which
 * also enters that baseline's drift history. Only the masked report is stored, never the current config's text.
 */
public final class AuditService {
    private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);
    /** Ids are UUIDs; anything else cannot be one (and must not reach a DynamoDB key, limited to 2 KB). */
    private static final Pattern AUDIT_ID = Pattern.compile("[0-9a-fA-F-]{1,64}");

    private final DriftAuditor auditor;
    private final AuditRepository audits;
    private final BaselineRepository baselines;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Duration retention;

    /**
     * @param ids       new audit ids (random UUIDs in production)
     * @param retention how long an audit and its history entry are kept
     */
    public AuditService(DriftAuditor auditor, AuditRepository audits, BaselineRepository baselines, Clock clock,
                        Supplier<String> ids, Duration retention) {
        this.auditor = Objects.requireNonNull(auditor);
        this.audits = Objects.requireNonNull(audits);
        this.baselines = Objects.requireNonNull(baselines);
        this.clock = Objects.requireNonNull(clock);
        this.ids = Objects.requireNonNull(ids);
        this.retention = Objects.requireNonNull(retention);
    }

    /**
     * Audits {@code request} and stores the result.
     *
     * @throws RuntimeException the auditor's 400/413/422 exceptions, or {@link AuditTooLargeToStoreException}
     */
    public StoredAudit adHoc(AuditRequest request, AuditSource source) {
        return store(auditor.audit(request), source, null);
    }

    /**
     * Audits {@code current} against the latest approved version of baseline {@code name}, with its format and
     * critical keys.
     *
     * @param context  unified-diff context lines, null for 3
     * @param autojunk difflib's autojunk, null for true
     * @throws BaselineNotFoundException when there is no such baseline
     */
    public StoredAudit againstBaseline(String name, String current, Integer context, Boolean autojunk,
                                       AuditSource source) {
        BaselineVersion baseline = (DriftAuditor.isValidName(name) ? baselines.current(name)
                : Optional.<BaselineVersion>empty()).orElseThrow(() -> new BaselineNotFoundException(name));
        return againstVersion(baseline, current, context, autojunk, source);
    }

    /** Audits {@code current} against one loaded baseline version. */
    public StoredAudit againstVersion(BaselineVersion baseline, String current, Integer context, Boolean autojunk,
                                      AuditSource source) {
        AuditReport report = auditor.audit(new AuditRequest(baseline.name(), baseline.content(), current,
                baseline.format().label(), baseline.criticalKeys(), context, autojunk), baseline.formatGuessed());
        return store(report, source, new BaselineRef(baseline.name(), baseline.version()));
    }

    /**
     * A stored audit.
     *
     * @throws AuditNotFoundException when unknown or expired
     */
    public StoredAudit find(String id) {
        if (!AUDIT_ID.matcher(id).matches()) {
            throw new AuditNotFoundException(id);
        }
        return audits.find(id, clock.instant()).orElseThrow(() -> new AuditNotFoundException(id));
    }

    /**
     * A page of a baseline's drift history, newest first.
     *
     * @throws BaselineNotFoundException when there is no such baseline
     */
    public HistoryPage history(String name, int limit, String nextToken) {
        if (!DriftAuditor.isValidName(name) || baselines.head(name).isEmpty()) {
            throw new BaselineNotFoundException(name);
        }
        return audits.history(name, limit, nextToken, clock.instant());
    }

    private StoredAudit store(AuditReport report, AuditSource source, BaselineRef baseline) {
        Instant now = clock.instant();
        var audit = new StoredAudit(ids.get(), now, source, baseline, report);
        audits.save(audit, now.plus(retention));
        LOG.info("audit stored id={} name={} source={} baselineVersion={} severity={} hasDrift={}", audit.id(),
                report.name(), source.label(), baseline == null ? "-" : baseline.version(),
                report.severity().label(), report.hasDrift());
        return audit;
    }
}
