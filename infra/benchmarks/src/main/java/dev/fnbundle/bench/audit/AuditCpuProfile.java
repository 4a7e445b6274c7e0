package dev.fnbundle.bench.audit;

import dev.fnbundle.common.http.ApiResponse;
import dev.fnbundle.configaudit.api.AuditRequests;
import dev.fnbundle.configaudit.api.AuditView;
import dev.fnbundle.configaudit.api.ResponseBudget;
import dev.fnbundle.configaudit.audit.AuditPhases;
import dev.fnbundle.configaudit.audit.AuditReport;
import dev.fnbundle.configaudit.audit.AuditRequest;
import dev.fnbundle.configaudit.audit.DriftAuditor;
import dev.fnbundle.configaudit.aws.BenchCodec;
import dev.fnbundle.configaudit.secrets.SecretRedactor;
import dev.fnbundle.configaudit.semantic.KeyDrift;
import dev.fnbundle.configaudit.semantic.ParsedConfig;
import dev.fnbundle.configaudit.service.AuditSource;
import dev.fnbundle.configaudit.service.StoredAudit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A quick, load-independent look at where an audit's time goes: this thread's CPU time per call of each phase of
 * {@link AuditPhases} on {@link AuditInputs}, median and range of N calls after a CPU-time warm-up. Not a JMH
 * figure (the suites report those); a tool for the inner loop of optimising the audit path
 * ({@code ./mvnw -q -pl infra/benchmarks exec:exec -Dbench=audit-profile [-Dbench.args="N [dir]"]}, dir: where to
 * write the two configs for the seed; {@code -Dphase=PREFIX} keeps the phases whose name starts so, for a
 * profiler).
 */
public final class AuditCpuProfile {
    private AuditCpuProfile() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        AuditInputs inputs = AuditInputs.of();
        AuditRequest request = inputs.request();
        DriftAuditor auditor = new DriftAuditor();
        Object validated = AuditPhases.validate(request);
        ParsedConfig[] sides = AuditPhases.read(validated);
        SecretRedactor redactor = AuditPhases.redactor(sides);
        KeyDrift keyDrift = AuditPhases.keyDrift(validated, sides, redactor);
        var matcher = AuditPhases.match(validated);
        AuditReport report = auditor.audit(request);
        StoredAudit stored = new StoredAudit("id", Instant.EPOCH, AuditSource.API, null, report);
        if (args.length > 1) {
            inputs.write(Path.of(args[1]));
        }
        String body = inputs.body();
        var budget = new ResponseBudget(ResponseBudget.DEFAULT_BYTES);
        Map<String, Supplier<?>> phases = new LinkedHashMap<>();
        phases.put("body (JSON -> request)", () -> AuditRequests.audit(body));
        phases.put("response (view, budget, JSON)", () -> ApiResponse.created("/audits/x",
                budget.fit(AuditView.of(stored))).toGatewayResponse());
        phases.put("validate", () -> AuditPhases.validate(request));
        phases.put("read (INI, both sides)", () -> AuditPhases.read(validated));
        phases.put("redactor", () -> AuditPhases.redactor(sides));
        phases.put("key drift + masking", () -> AuditPhases.keyDrift(validated, sides, redactor));
        phases.put("match", () -> AuditPhases.match(validated));
        phases.put("report (mask, seed, diff, hunks)", () -> AuditPhases.report(validated, sides, redactor,
                keyDrift, matcher));
        phases.put("encode (JSON + gzip)", () -> BenchCodec.encode(stored));
        phases.put("auditor alone", () -> auditor.audit(request));
        phases.put("auditor + encode", () -> BenchCodec.encode(new StoredAudit("id", Instant.EPOCH,
                AuditSource.API, null, auditor.audit(request))));
        System.out.printf(Locale.ROOT, "stored form: %d bytes%n", BenchCodec.encode(stored).length);
        String only = System.getProperty("phase");
        if (only != null) {
            phases.keySet().removeIf(name -> !name.startsWith(only));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (var phase : phases.entrySet()) {
            long until = threads.getCurrentThreadCpuTime() + 3_000_000_000L;
            while (threads.getCurrentThreadCpuTime() < until) {
                phase.getValue().get();
            }
        }
        // Allocation drives the collector's share of a request's CPU time, which thread CPU time leaves out.
        var allocation = (com.sun.management.ThreadMXBean) threads;
        for (var phase : phases.entrySet()) {
            double[] ms = new double[runs];
            long allocated = allocation.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < runs; i++) {
                long t0 = threads.getCurrentThreadCpuTime();
                phase.getValue().get();
                ms[i] = (threads.getCurrentThreadCpuTime() - t0) / 1e6;
            }
            double mb = (allocation.getCurrentThreadAllocatedBytes() - allocated) / 1e6 / runs;
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-36s %8.2f ms CPU (median of %d, %.2f-%.2f), %6.2f MB allocated%n",
                    phase.getKey(), ms[runs / 2], runs, ms[0], ms[runs - 1], mb);
        }
    }
}
