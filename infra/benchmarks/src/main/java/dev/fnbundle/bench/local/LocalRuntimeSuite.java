package dev.fnbundle.bench.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.bench.Settings;
import dev.fnbundle.bench.Suite;
import dev.fnbundle.bench.orders.RandomDagWriter;
import dev.fnbundle.bench.report.Figure;
import dev.fnbundle.bench.report.Python;
import dev.fnbundle.bench.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The local runtime's own cost per request (issue 17 item 7), on the real template and the built zips, each run a
 * fresh runtime started as {@code ./mvnw -Plocal} starts it (same JVM flags) and measured from a client on this
 * machine: an authenticated request to an unknown route (JWT check, event built, Runtime API round trip, the
 * {@code $default} function's 404, answer) and {@code POST /orders/resolve} on a 40 000-node graph against
 * {@code json.loads} + {@code graphlib} in one python3 process. The runtime's {@code Server-Timing} header splits
 * each request into the gateway's phases and the function's own time.
 */
public final class LocalRuntimeSuite implements Suite {
    static final int NODES = 40_000;
    static final long EDGES = 200_000;
    static final String PYTHON = """
            import hashlib, json, sys, time
            from graphlib import TopologicalSorter
            body = open(sys.argv[1], "rb").read()
            total = []
            for _ in range(int(sys.argv[2])):
                t0 = time.perf_counter()
                graph = json.loads(body)["graph"]
                order = list(TopologicalSorter(graph).static_order())
                total.append((time.perf_counter() - t0) * 1000)
            print("total_ms=" + ",".join("%.1f" % x for x in total))
            print("sha256=" + hashlib.sha256("\\n".join(order).encode("utf-8")).hexdigest())
            """;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CPU_HOW = "per request: the runtime's JVM and the serving function's, beyond their"
            + " idle use, each run's measured requests (socket client)";

    @Override
    public String name() {
        return "local";
    }

    @Override
    public void run(Report report, Settings settings) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path body = body(root);
        int runs = Math.max(2, Integer.getInteger("bench.localRuns", 2));
        int trivialCount = Integer.getInteger("bench.localRequests", 400);
        int ordersCount = Integer.getInteger("bench.localOrders", 30);
        // A fresh function JVM serves its first ~100 orders requests of a 40 000-node graph slower (the JIT is still
        // compiling the reader's loops): 15 warm-up requests measured the JIT, not the steady state.
        int ordersWarmUp = Integer.getInteger("bench.localOrdersWarmUp", 100);
        var jdk = new Series();
        var socket = new Series();
        String ordersDigest = null;
        var starts = new ArrayList<StartFigures>();
        byte[] graph = Files.readAllBytes(body);
        for (int run = 1; run <= runs; run++) {
            System.out.println("local: run " + run + " of " + runs + ", starting the runtime");
            try (var runtime = RunningRuntime.start(root)) {
                // Both clients on the same runtime, one after the other: Java's HttpClient (as before) and a plain
                // keep-alive socket (as curl sends), so the client's own cost is visible and nothing is hidden.
                try (var client = runtime.client()) {
                    jdk.measure(client, graph, trivialCount, ordersWarmUp, ordersCount);
                }
                try (var client = runtime.socketClient()) {
                    ordersDigest = socket.measure(client, graph, trivialCount, ordersWarmUp, ordersCount);
                }
                starts.add(StartFigures.of(runtime));
            }
        }
        int pythonRuns = Math.max(10, settings.pythonRuns());
        Map<String, String> py = settings.python().run(PYTHON, List.of(body.toString(),
                Integer.toString(pythonRuns)), 20);
        Figure pyTotal = Python.figure(py, "total_ms", "python3, " + pythonRuns + " runs in one process");
        String how = " over " + runs + " runtime starts";
        String trivialHow = trivialCount + " requests after " + trivialCount / 2 + " warm-up" + how;
        String ordersHow = ordersCount + " requests after " + ordersWarmUp + " warm-up" + how;
        Figure oursTrivial = new Figure(concat(jdk.trivial), "client latency, Java HttpClient, " + trivialHow);
        Figure oursOrders = new Figure(concat(jdk.orders), "client latency, Java HttpClient, " + ordersHow);
        Figure socketTrivial = new Figure(concat(socket.trivial), "client latency, keep-alive socket, "
                + trivialHow);
        Figure socketOrders = new Figure(concat(socket.orders), "client latency, keep-alive socket, " + ordersHow);
        String identical = py.get("sha256") != null && py.get("sha256").equals(ordersDigest)
                ? "yes (order SHA-256 equal)" : "**NO**";
        report.row(new Report.Row("local", "authenticated request to an unknown route, Java HttpClient"
                + " (target ≤ 3 ms)", oursTrivial, "–", null, "404 as API Gateway words it"));
        report.row(new Report.Row("local", "authenticated request to an unknown route, keep-alive socket as curl"
                + " (target ≤ 3 ms)", socketTrivial, "–", null, "404 as API Gateway words it"));
        report.row(new Report.Row("local", "same, CPU time of the runtime and the function JVM per request",
                new Figure(socket.trivialCpu.stream().mapToDouble(Double::doubleValue).toArray(),
                        CPU_HOW), "–", null, "–"));
        report.row(new Report.Row("local", "POST /orders/resolve, 40 000 nodes, through the local API, Java"
                + " HttpClient", oursOrders, "json.loads + graphlib in-process", pyTotal, identical));
        report.row(new Report.Row("local", "POST /orders/resolve, 40 000 nodes, through the local API, keep-alive"
                + " socket", socketOrders, "json.loads + graphlib in-process", pyTotal, identical));
        report.row(new Report.Row("local", "same, CPU time of the runtime and the function JVM per request",
                new Figure(socket.ordersCpu.stream().mapToDouble(Double::doubleValue).toArray(),
                        CPU_HOW), "–", null, "–"));
        report.section(section(body, jdk, socket, oursTrivial, oursOrders, socketTrivial, socketOrders, pyTotal)
                + StartFigures.table(starts));
    }

    /** What one client measured over the runs: latencies, Server-Timing medians and CPU per request, per run. */
    private static final class Series {
        final List<double[]> trivial = new ArrayList<>();
        final List<double[]> orders = new ArrayList<>();
        final List<Map<String, Double>> trivialPhases = new ArrayList<>();
        final List<Map<String, Double>> ordersPhases = new ArrayList<>();
        final List<Double> trivialCpu = new ArrayList<>();
        final List<Double> ordersCpu = new ArrayList<>();

        /** Measures both requests once; returns the digest of the last order answered. */
        String measure(RunningRuntime.Client client, byte[] graph, int trivialCount, int ordersWarmUp,
                       int ordersCount) throws Exception {
            client.measure("GET", "/bench/no-such-route", null, 404, trivialCount / 2);
            var t = client.measure("GET", "/bench/no-such-route", null, 404, trivialCount);
            trivial.add(t.millis());
            trivialPhases.add(t.phases());
            trivialCpu.add(t.cpuPerRequest());
            client.measure("POST", "/orders/resolve", graph, 200, ordersWarmUp);
            var o = client.measure("POST", "/orders/resolve", graph, 200, ordersCount);
            orders.add(o.millis());
            ordersPhases.add(o.phases());
            ordersCpu.add(o.cpuPerRequest());
            return digest(o.lastBody());
        }
    }

    /** The request body {@code {"graph": {...}}} of a seeded 40 000-node DAG, written once. */
    private static Path body(Path root) throws IOException {
        Path dir = root.resolve("target").resolve("local-bench");
        Path body = dir.resolve("orders-" + NODES + "-" + EDGES + "-42.json");
        if (!Files.exists(body)) {
            Files.createDirectories(dir);
            Path graph = dir.resolve("dag-" + NODES + "-" + EDGES + "-42.json");
            if (!Files.exists(graph)) {
                RandomDagWriter.write(graph, NODES, EDGES, 42L);
            }
            String text = "{\"graph\":" + Files.readString(graph).strip() + "}";
            Files.writeString(body, text);
        }
        return body;
    }

    private static String digest(byte[] response) throws Exception {
        JsonNode order = MAPPER.readTree(response).path("order");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < order.size(); i++) {
            if (i > 0) {
                sha.update((byte) '\n');
            }
            sha.update(order.get(i).asText().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static double[] concat(List<double[]> parts) {
        return parts.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    private static String section(Path body, Series jdk, Series socket, Figure oursTrivial, Figure oursOrders,
                                  Figure socketTrivial, Figure socketOrders, Figure pyTotal) throws IOException {
        var md = new StringBuilder("## local: the local runtime's own cost per request\n\n");
        md.append(String.format(Locale.ROOT, "Each run starts the runtime on the real `template.yaml` and the built"
                + " zips as `./mvnw -Plocal` does (same JVM flags, every function warm first), then a client on this"
                + " machine sends requests one after another with the dev token: first Java's `HttpClient`, then a"
                + " plain keep-alive HTTP/1.1 socket (as curl sends; the `HttpClient` hands each exchange between"
                + " threads, which on loopback costs the client a part of the latency), on the same runtime. Body of"
                + " the orders request: `%s` (%.1f MB). Latencies: median, p10–p90 per run. CPU: of the runtime's"
                + " JVM and the serving function's JVM while the requests ran, less their idle use (measured for 1.5 s"
                + " just before) in as long a time, per request.%n%n", body.getFileName(), Files.size(body) / 1e6));
        md.append("| run | client | unknown route | CPU | orders, 40 000 nodes | CPU |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < jdk.trivial.size(); i++) {
            for (var named : List.of(Map.entry("HttpClient", jdk), Map.entry("socket", socket))) {
                Series s = named.getValue();
                md.append("| ").append(i + 1).append(" | ").append(named.getKey()).append(" | ")
                        .append(spread(s.trivial.get(i))).append(" | ").append(ms(s.trivialCpu.get(i))).append(" | ")
                        .append(spread(s.orders.get(i))).append(" | ").append(ms(s.ordersCpu.get(i))).append(" |\n");
            }
        }
        md.append("\nWhere the time goes (medians of the runtime's `Server-Timing` phases, last run, socket client;"
                + " `function` is the Runtime API round trip: the event handed to the function JVM, its handler, its"
                + " answer back):\n\n");
        md.append("| phase | unknown route | orders |\n|---|---|---|\n");
        var last = socket.trivialPhases.getLast();
        var lastOrders = socket.ordersPhases.getLast();
        var names = new java.util.LinkedHashSet<>(last.keySet());
        names.addAll(lastOrders.keySet());
        for (String phase : names) {
            md.append("| ").append(phase).append(" | ").append(ms(last.get(phase))).append(" | ")
                    .append(ms(lastOrders.get(phase))).append(" |\n");
        }
        md.append("\nunknown route: ").append(oursTrivial.ms()).append(" with Java's HttpClient, ")
                .append(socketTrivial.ms()).append(" with a keep-alive socket (").append(socketTrivial.how())
                .append("). orders: ").append(oursOrders.ms()).append(" (HttpClient) and ").append(socketOrders.ms())
                .append(" (socket) against python ").append(pyTotal.ms()).append(" → ")
                .append(oursOrders.speedupOver(pyTotal)).append(" and ").append(socketOrders.speedupOver(pyTotal))
                .append(".\n");
        return md.toString();
    }

    private static String spread(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.2f ms (%.2f–%.2f, n=%d)", percentile(sorted, 50),
                percentile(sorted, 10), percentile(sorted, 90), sorted.length);
    }

    static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f ms", value);
    }
}
