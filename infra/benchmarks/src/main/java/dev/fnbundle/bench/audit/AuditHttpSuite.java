package dev.fnbundle.bench.audit;

import dev.fnbundle.bench.Settings;
import dev.fnbundle.bench.Suite;
import dev.fnbundle.bench.report.Figure;
import dev.fnbundle.bench.report.Python;
import dev.fnbundle.bench.report.Report;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /audits} end to end on the running local stack: the local runtime started as {@code ./mvnw -Plocal}
 * starts it (HTTP API with the JWT authorizer, event built, Lambda Runtime API, the function's own JVM with the
 * Runtime Interface Client, DynamoDB Local), the two 20 000-line INI configs, median of N requests after
 * warm-up, against the seed's {@code audit_config} in one python3 process. Also the CPU time the function's JVM and
 * the runtime's JVM spend per request, which a loaded machine does not stretch as it stretches wall time.
 */
public final class AuditHttpSuite implements Suite {
    /** Enough for the function's JVM to reach C2 on the audit path (each request is ~1 MB in, ~10 ms of work). */
    static final int WARMUP_REQUESTS = 20;
    static final int REQUESTS = 30;

    @Override
    public String name() {
        return "audit-http";
    }

    @Override
    public void run(Report report, Settings settings) throws Exception {
        AuditInputs inputs = AuditInputs.of();
        Path[] files = inputs.write(Path.of("target", "audit-bench").toAbsolutePath());
        Path root = Path.of("").toAbsolutePath();
        List<Double> wall = new ArrayList<>();
        double functionCpu;
        double runtimeCpu;
        int responseBytes;
        byte[] lastAnswer;
        try (LocalStackProcess stack = LocalStackProcess.start(root, Duration.ofMinutes(10))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + stack.port() + "/audits"))
                    .header("authorization", "Bearer " + stack.token()).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(inputs.body())).build();
            for (int i = 0; i < WARMUP_REQUESTS; i++) {
                send(client, request);
            }
            ProcessHandle function = stack.functionJvm("ConfigAuditApiHandler").orElseThrow(() ->
                    new IllegalStateException("no ConfigAuditApiFunction JVM under the runtime"));
            long functionBefore = cpuNanos(function);
            long runtimeBefore = cpuNanos(stack.runtime());
            byte[] answer = null;
            for (int i = 0; i < REQUESTS; i++) {
                long t0 = System.nanoTime();
                answer = send(client, request);
                wall.add((System.nanoTime() - t0) / 1e6);
            }
            functionCpu = (cpuNanos(function) - functionBefore) / 1e6 / REQUESTS;
            runtimeCpu = (cpuNanos(stack.runtime()) - runtimeBefore) / 1e6 / REQUESTS;
            responseBytes = answer.length;
            lastAnswer = answer;
        }
        Map<String, String> py = settings.python().run(AuditSuite.PYTHON, AuditSuite.pythonArgs(files), 30);
        Figure pyWall = Python.figure(py, "ms", AuditSuite.pythonHow("python3"));
        Figure ours = new Figure(wall.stream().mapToDouble(Double::doubleValue).toArray(), String.format(Locale.ROOT,
                "wall time per request, %d requests after %d warm-up, one client connection", REQUESTS,
                WARMUP_REQUESTS));
        String identical = identical(lastAnswer, py);
        report.row(new Report.Row("audit-http", "POST /audits, 2 x 20 000-line INI, HTTP on the running local stack",
                ours, "seed audit_config (in process)", pyWall, identical));
        report.section(String.format(Locale.ROOT, """
                ## audit-http: POST /audits on the running local stack

                The local runtime started as `./mvnw -Plocal` starts it (free ports, no GreenMail), then %d requests \
                of warm-up and %d measured, one at a time over one HTTP/1.1 connection; request body %d bytes, \
                response %d bytes.

                | what | figure |
                |---|---|
                | identical output (the last 201's JSON against the seed) | %s |
                | wall time per request | %s |
                | seed `audit_config` in python3 (no HTTP, no JSON) | %s → %s |
                | CPU time per request, the function's JVM (all threads) | %.1f ms |
                | CPU time per request, the runtime's JVM (HTTP API, JWT, event, Runtime API, DynamoDB Local, \
                and its idle queue pollers) | %.1f ms |
                """, WARMUP_REQUESTS, REQUESTS, inputs.body().length(), responseBytes, identical, ours.ms(),
                pyWall.ms(),
                ours.speedupOver(pyWall), functionCpu, runtimeCpu));
    }

    /** The answer's similarity bits, added and removed lines and changed sections against the seed's. */
    private static String identical(byte[] answer, Map<String, String> py) {
        JsonNode json = Json.parse(new String(answer, StandardCharsets.UTF_8));
        boolean same = !json.path("truncated").asBoolean(true)
                && Double.doubleToLongBits(json.path("similarity").asDouble()) == Double.doubleToLongBits(
                        Double.parseDouble(py.get("similarity")))
                && AuditSuite.digest(strings(json.path("addedLines"))).equals(py.get("added"))
                && AuditSuite.digest(strings(json.path("removedLines"))).equals(py.get("removed"))
                && AuditSuite.digest(strings(json.path("changedSections"))).equals(py.get("changed"));
        return same ? "yes (the 201's similarity, added, removed and changed lines equal the seed's: "
                + AuditSuite.counts(py) + ")" : "**NO**";
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }

    private static byte[] send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /audits answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static long cpuNanos(ProcessHandle process) {
        Optional<Duration> cpu = process.info().totalCpuDuration();
        return cpu.map(Duration::toNanos).orElseThrow(() -> new IllegalStateException("no CPU time for "
                + process.pid()));
    }
}
