package dev.fnbundle.bench.audit;

import dev.fnbundle.bench.Settings;
import dev.fnbundle.bench.Suite;
import dev.fnbundle.bench.report.CpuChild;
import dev.fnbundle.bench.report.Figure;
import dev.fnbundle.bench.report.Jmh;
import dev.fnbundle.bench.report.Python;
import dev.fnbundle.bench.report.Report;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.configaudit.audit.AuditPhases;
import dev.fnbundle.configaudit.audit.AuditReport;
import dev.fnbundle.configaudit.audit.DriftAuditor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /audits} with two 20 000-line INI configs ({@link AuditInputs}) in process, against the seed
 * tutorial's {@code audit_config} (difflib) on the same pair: the handler end to end over DynamoDB Local, the
 * handler over an in-memory store, the auditor alone, and per phase, all through JMH; the same under Lambda's
 * own JVM defaults (C1 only). Identical output: similarity bits, added and removed lines and changed sections.
 */
public final class AuditSuite implements Suite {
    /** The seed's audit_config, as the tutorial writes it. */
    static final String PYTHON = """
            import difflib, hashlib, sys, time
            from dataclasses import dataclass, field
            from typing import List

            @dataclass
            class ConfigAuditResult:
                similarity: float
                added_lines: List[str] = field(default_factory=list)
                removed_lines: List[str] = field(default_factory=list)
                changed_sections: List[str] = field(default_factory=list)

            def audit_config(template: str, deployed: str) -> ConfigAuditResult:
                template_lines = template.splitlines(keepends=True)
                deployed_lines = deployed.splitlines(keepends=True)
                matcher = difflib.SequenceMatcher(None, template_lines, deployed_lines)
                result = ConfigAuditResult(similarity=matcher.ratio())
                for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                    if tag == "delete":
                        result.removed_lines.extend(template_lines[i1:i2])
                    elif tag == "insert":
                        result.added_lines.extend(deployed_lines[j1:j2])
                    elif tag == "replace":
                        result.removed_lines.extend(template_lines[i1:i2])
                        result.added_lines.extend(deployed_lines[j1:j2])
                        result.changed_sections.append(template_lines[i1].strip())
                return result

            template = open(sys.argv[1], encoding="utf-8", newline="").read()
            deployed = open(sys.argv[2], encoding="utf-8", newline="").read()
            # Unmeasured warm-up calls first: the process's first call also pays for growing the allocator's arenas
            # from the OS (about half again its time), which a long-lived worker pays once. The collector is left
            # as the seed leaves it (gc enabled, default thresholds).
            for _ in range(int(sys.argv[4])):
                audit_config(template, deployed)
            times, cpu = [], []
            for _ in range(int(sys.argv[3])):
                c0 = time.process_time()
                t0 = time.perf_counter()
                result = audit_config(template, deployed)
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
            digest = lambda lines: hashlib.sha256("\\x00".join(lines).encode("utf-8")).hexdigest()
            print("ms=" + ",".join("%.2f" % t for t in times))
            print("cpu_ms=" + ",".join("%.2f" % t for t in cpu))
            print("similarity=" + repr(result.similarity))
            print("added=%d:%s" % (len(result.added_lines), digest(result.added_lines)))
            print("removed=%d:%s" % (len(result.removed_lines), digest(result.removed_lines)))
            print("changed=%d:%s" % (len(result.changed_sections), digest(result.changed_sections)))
            """;
    /** As the local runtime starts the function's JVM (MemorySize 2048 → -Xmx2048m, serial GC). */
    static final List<String> JVM = List.of("-Xmx2g", "-XX:+UseSerialGC");
    /** As Lambda's java21 runtime starts it: tiered compilation stops at C1 by default. */
    static final List<String> LAMBDA_JVM = List.of("-Xmx2g", "-XX:+UseSerialGC", "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1");
    /**
     * JMH iterations of half a second: an audit takes ~10-20 ms, so each sample averages dozens of calls; with one
     * CPU-time warm-up per fork ({@link AuditJmh#WARMUP_CPU_MS}) this keeps the suite within about four minutes.
     */
    static final int ITERATION_MS = 500;
    /**
     * The seed's measured runs: about 45 ms each, so 30 cost under two seconds; ten gave medians 40-75 ms apart
     * across quiet runs of the suite (a neighbour's build on the other core stretches even CPU time), and three
     * times as many runs let the median ride over such a burst.
     */
    static final int PYTHON_RUNS = 30;
    /** Unmeasured calls before them, in the same process (the Java side is warmed up too). */
    static final int PYTHON_WARMUPS = 3;
    /**
     * The CPU-time child: batches of requests (the process clock ticks every 10 ms), warm-up then measured. The
     * JIT compiles for ~7 s of a request loop here (JFR's jdk.CompilerStatistics: 7.2 s of compile time, still
     * growing at 7 s); after 15 warm-up batches (300 requests, ~4 s) the measured batches still paid ~1.5-2 ms of
     * compiler threads per request. 60 batches (1 200 requests) measure the steady state.
     */
    static final int CPU_BATCH = 20;
    static final int CPU_WARMUPS = 60;
    static final int CPU_RUNS = 15;
    static final String PHASES = "phaseBody|phaseValidate|phaseRead|phaseKeyDrift|phaseMatch|phaseReport"
            + "|phaseEncode|phaseStore|phaseResponse";

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public void run(Report report, Settings settings) throws Exception {
        AuditInputs inputs = AuditInputs.of();
        Path[] files = inputs.write(Path.of("target", "audit-bench").toAbsolutePath());
        // The headline figures get the run's forks; each phase and the C1 column one fork (13 forks in all at the
        // default of two, each a JVM start, a CPU-time warm-up and 3 + 5 iterations of half a second).
        Jmh jmh = new Jmh(settings.forks(), settings.warmups(), settings.iterations(), JVM);
        Map<String, Figure> ours = new java.util.LinkedHashMap<>(jmh.runTimed(AuditJmh.class,
                "handler|handlerInMemory|audit", Map.of(), ITERATION_MS));
        Jmh phases = new Jmh(1, settings.warmups(), settings.iterations(), JVM);
        ours.putAll(phases.runTimed(AuditJmh.class, PHASES, Map.of(), ITERATION_MS));
        Jmh lambda = new Jmh(1, settings.warmups(), settings.iterations(), LAMBDA_JVM);
        Map<String, Figure> c1 = lambda.runTimed(AuditJmh.class, "handlerInMemory|audit", Map.of(), ITERATION_MS);
        Figure batches = CpuChild.run(AuditCpuChild.class, JVM, List.of(Integer.toString(CPU_WARMUPS),
                Integer.toString(CPU_RUNS), Integer.toString(CPU_BATCH)), CPU_WARMUPS, CPU_RUNS);
        Figure oursCpu = new Figure(java.util.Arrays.stream(batches.samples()).map(ms -> ms / CPU_BATCH).toArray(),
                String.format(Locale.ROOT, "process CPU time per request (all threads), %d batches of %d requests"
                        + " after %d warm-up batches in one JVM, %s; a sample is a batch's CPU time / %d", CPU_RUNS,
                        CPU_BATCH, CPU_WARMUPS, String.join(" ", JVM), CPU_BATCH));
        Map<String, String> py = settings.python().run(PYTHON, pythonArgs(files), 30);
        String pyHow = pythonHow("python3");
        Figure pyWall = Python.figure(py, "ms", pyHow);
        Figure pyCpu = Python.figure(py, "cpu_ms", pythonHow("python3 process CPU time"));
        String identical = identical(inputs, py);
        report.row(new Report.Row("audit", "POST /audits, 2 x 20 000-line INI, handler in process (DynamoDB Local)",
                ours.get("handler"), "seed audit_config (difflib)", pyWall, identical));
        report.row(new Report.Row("audit", "same, handler without the DynamoDB round trip", ours.get(
                "handlerInMemory"), "seed audit_config (difflib)", pyWall, identical));
        report.row(new Report.Row("audit", "same request's work (body, audit, gzip JSON, 201), CPU time"
                + " (load-independent)", oursCpu, "seed audit_config, CPU time", pyCpu, identical));
        report.section(section(inputs, ours, c1, oursCpu, pyWall, pyCpu, identical, jmh, phases, lambda, pyHow));
    }

    /** The seed script's arguments: both files, measured runs, warm-up calls. */
    static List<String> pythonArgs(Path[] files) {
        return List.of(files[0].toString(), files[1].toString(), Integer.toString(PYTHON_RUNS),
                Integer.toString(PYTHON_WARMUPS));
    }

    /** How the seed was timed, after {@code what}. */
    static String pythonHow(String what) {
        return String.format(Locale.ROOT, "%s, %d runs in one process after %d unmeasured warm-up calls, gc as the"
                + " seed leaves it", what, PYTHON_RUNS, PYTHON_WARMUPS);
    }

    private static String section(AuditInputs inputs, Map<String, Figure> ours, Map<String, Figure> c1,
                                  Figure oursCpu, Figure pyWall, Figure pyCpu, String identical, Jmh jmh,
                                  Jmh phases, Jmh lambda, String pyHow) {
        StringBuilder md = new StringBuilder("## audit: POST /audits on two 20 000-line INI configs\n\n");
        String bodyBytes = String.format(Locale.ROOT, "%,d", inputs.body().getBytes(StandardCharsets.UTF_8).length)
                .replace(',', ' ');
        md.append(String.format(Locale.ROOT, "Input: `AuditInputs`, seed %d: 20 000 lines a side (1 000 sections of"
                        + " 19 unique keys), 1%% of key lines changed, `format: ini`; request body %s bytes. The"
                        + " reference is the seed tutorial's `audit_config` (split, one `SequenceMatcher`, `ratio()`,"
                        + " opcodes into added/removed/changed); ours does that and also reads both sides as INI,"
                        + " computes key-level drift, masks secrets three ways, renders the unified diff and the"
                        + " side-by-side hunks, stores the report (gzip JSON) and answers the 201. Identical"
                        + " output: %s.%n%n", AuditInputs.SEED, bodyBytes, identical));
        md.append("| what | ours (default JIT, as the local runtime) | ours (Lambda's C1-only default) |"
                + " seed audit_config | ratio |\n|---|---|---|---|---|\n");
        row(md, "handler end to end, DynamoDB Local in process", ours.get("handler"), null, pyWall);
        row(md, "handler, in-memory store (encodes, no round trip)", ours.get("handlerInMemory"),
                c1.get("handlerInMemory"), pyWall);
        row(md, "auditor alone (report from request)", ours.get("audit"), c1.get("audit"), pyWall);
        md.append("| the request's work (body, audit, gzip JSON, 201 JSON), process CPU time | ").append(oursCpu.ms())
                .append(" | – | ").append(pyCpu.ms()).append(" (CPU) | ").append(oursCpu.speedupOver(pyCpu))
                .append(" |\n");
        md.append("\nPer phase (each measured on its own, default JIT):\n\n| phase | time |\n|---|---|\n");
        String[][] phaseNames = {
            {"phaseBody", "request body: text → AuditRequest, no JSON tree (1.1 MB)"},
            {"phaseValidate", "validation: fields, UTF-8 size and text, both sides cut into lines"},
            {"phaseRead", "both sides read as INI (key paths, secret spans and values)"},
            {"phaseKeyDrift", "key-level drift (20 000 keys a side), shown values masked"},
            {"phaseMatch", "line matcher: interning, index, matching blocks"},
            {"phaseReport", "masking by shape/position/value, seed result, unified diff, hunks"},
            {"phaseEncode", "stored form: JSON streamed into gzip"},
            {"phaseStore", "stored form written to DynamoDB Local (encode included)"},
            {"phaseResponse", "201 answer: view, size check, JSON"}};
        for (String[] phase : phaseNames) {
            md.append("| ").append(phase[1]).append(" | ").append(ours.get(phase[0]).ms()).append(" |\n");
        }
        md.append("\nOurs: ").append(jmh.howTimed(ITERATION_MS)).append("; per phase: ")
                .append(phases.howTimed(ITERATION_MS)).append("; C1 column: ")
                .append(lambda.howTimed(ITERATION_MS)).append("; CPU row: ").append(oursCpu.how())
                .append(". Seed: ").append(pyHow).append(" (wall), CPU time ")
                .append(pyCpu.ms()).append(".\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String what, Figure ours, Figure c1, Figure reference) {
        md.append("| ").append(what).append(" | ").append(ours.ms()).append(" | ")
                .append(c1 == null ? "–" : c1.ms()).append(" | ").append(reference.ms()).append(" | ")
                .append(ours.speedupOver(reference)).append(" |\n");
    }

    /** Our report (auditor, and the phases chained) against the seed's result. */
    private static String identical(AuditInputs inputs, Map<String, String> py) {
        AuditReport report = new DriftAuditor().audit(inputs.request());
        AuditReport phased = AuditPhases.all(inputs.request());
        if (!Json.write(report).equals(Json.write(phased))) {
            return "**NO** (the phases do not add up to the auditor's report)";
        }
        boolean same = Double.doubleToLongBits(report.similarity()) == Double.doubleToLongBits(Double.parseDouble(
                py.get("similarity"))) && digest(report.addedLines()).equals(py.get("added"))
                && digest(report.removedLines()).equals(py.get("removed"))
                && digest(report.changedSections()).equals(py.get("changed"));
        return same ? String.format(Locale.ROOT, "yes (similarity %s; added, removed and changed lines equal: %s)",
                py.get("similarity"), counts(py)) : "**NO**";
    }

    static String counts(Map<String, String> py) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("added", "removed", "changed")) {
            out.add(py.get(key).substring(0, py.get(key).indexOf(':')) + " " + key);
        }
        return String.join(", ", out);
    }

    static String digest(List<String> lines) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(String.join("\u0000", lines)
                    .getBytes(StandardCharsets.UTF_8));
            return lines.size() + ":" + HexFormat.of().formatHex(sha);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
