package dev.fnbundle.bench.audit;

import dev.fnbundle.bench.report.CpuChild;
import dev.fnbundle.common.http.ApiResponse;
import dev.fnbundle.configaudit.api.AuditRequests;
import dev.fnbundle.configaudit.api.AuditView;
import dev.fnbundle.configaudit.api.ResponseBudget;
import dev.fnbundle.configaudit.audit.DriftAuditor;
import dev.fnbundle.configaudit.aws.BenchCodec;
import dev.fnbundle.configaudit.service.AuditSource;
import dev.fnbundle.configaudit.service.StoredAudit;
import java.time.Instant;

/**
 * Child JVM: process CPU time of a {@code POST /audits} request's own work on {@link AuditInputs}, as the handler
 * does it but without the event wrapper and the store: the body read as JSON, the audit, the stored form (JSON
 * into gzip), and the 201 answer (view, size check, JSON). The figure a loaded machine stretches least, set
 * against the seed's process CPU time.
 */
public final class AuditCpuChild {
    private AuditCpuChild() {
    }

    public static void main(String[] args) throws Exception {
        String body = AuditInputs.of().body();
        DriftAuditor auditor = new DriftAuditor();
        ResponseBudget budget = new ResponseBudget(ResponseBudget.DEFAULT_BYTES);
        int batch = Integer.parseInt(args[2]);
        // The process CPU clock ticks in jiffies (10 ms here), as long as one request: a sample is a batch of
        // requests, its CPU time divided by the batch.
        CpuChild.measure(ignored -> {
            long sink = 0;
            for (int i = 0; i < batch; i++) {
                sink += request(body, auditor, budget);
            }
            return new PerCall(sink, batch);
        }, null, Integer.parseInt(args[0]), Integer.parseInt(args[1]));
    }

    private static long request(String body, DriftAuditor auditor, ResponseBudget budget) {
        StoredAudit audit = new StoredAudit("id", Instant.now(), AuditSource.API, null,
                auditor.audit(AuditRequests.audit(body)));
        int stored = BenchCodec.encode(audit).length;
        return stored + ApiResponse.created("/audits/id", budget.fit(AuditView.of(audit))).toGatewayResponse()
                .getBody().length();
    }

    /** A batch's result; {@link CpuChild} prints its CPU time, which the suite divides by {@code calls}. */
    private record PerCall(long sink, int calls) {
    }
}
