package dev.fnbundle.bench.orders;

import dev.fnbundle.bench.Settings;
import dev.fnbundle.bench.Suite;
import dev.fnbundle.bench.report.CpuChild;
import dev.fnbundle.bench.report.Figure;
import dev.fnbundle.bench.report.Jmh;
import dev.fnbundle.bench.report.Python;
import dev.fnbundle.bench.report.Report;
import dev.fnbundle.orders.graph.DependencyGraph;
import dev.fnbundle.orders.graph.GraphJsonReader;
import dev.fnbundle.orders.graph.OrderResolver;
import dev.fnbundle.orders.graph.Resolution;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Order resolution on a seeded random DAG of 1 000 000 nodes and about 5 000 000 dependency entries (62 MB of
 * JSON): ours through JMH (end to end and per phase) against {@code json.load} + {@code graphlib}'s
 * {@code TopologicalSorter(graph).static_order()}, repeated in one python3 process. Identical output means the
 * SHA-256 of the order (names joined by newlines) is equal.
 */
public final class OrdersSuite implements Suite {
    static final String PYTHON = """
            import hashlib, json, sys, time
            from graphlib import TopologicalSorter
            load, order_ms, total, cpu = [], [], [], []
            for _ in range(int(sys.argv[2])):
                c0 = time.process_time()
                t0 = time.perf_counter()
                with open(sys.argv[1], encoding="utf-8") as f:
                    graph = json.load(f)
                t1 = time.perf_counter()
                order = list(TopologicalSorter(graph).static_order())
                t2 = time.perf_counter()
                cpu.append((time.process_time() - c0) * 1000)
                load.append((t1 - t0) * 1000); order_ms.append((t2 - t1) * 1000); total.append((t2 - t0) * 1000)
                del graph
            print("load_ms=" + ",".join("%.1f" % x for x in load))
            print("order_ms=" + ",".join("%.1f" % x for x in order_ms))
            print("total_ms=" + ",".join("%.1f" % x for x in total))
            print("cpu_ms=" + ",".join("%.1f" % x for x in cpu))
            print("nodes=%d" % len(order))
            print("sha256=" + hashlib.sha256("\\n".join(order).encode("utf-8")).hexdigest())
            """;
    /**
     * A heap that holds two graphs and their garbage without a full collection, pre-touched so the first calls do
     * not pay the kernel for fresh pages.
     */
    static final List<String> JVM = List.of("-Xms3g", "-Xmx3g", "-Xmn2g", "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC");

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public void run(Report report, Settings settings) throws Exception {
        int nodes = 1_000_000;
        long edges = 5_000_000L;
        Path file = Path.of("target", "orders-bench", "dag-" + nodes + "-" + edges + "-42.json").toAbsolutePath();
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            RandomDagWriter.write(file, nodes, edges, 42L);
        }
        Jmh jmh = new Jmh(settings.forks(), settings.warmups(), settings.iterations(), JVM);
        Map<String, Figure> ours = jmh.run(OrdersJmh.class, "endToEnd|readIntern|graphBuild|ordering|output",
                Map.of("file", file.toString()));
        String digest = oursDigest(file);
        Map<String, String> py = settings.python().run(PYTHON, List.of(file.toString(),
                Integer.toString(settings.pythonRuns())), 60);
        String how = "python3, " + settings.pythonRuns() + " runs in one process";
        Figure pyTotal = Python.figure(py, "total_ms", how);
        String identical = digest.equals(py.get("sha256")) ? "yes (order SHA-256 equal)" : "**NO**";
        report.row(new Report.Row("orders", "1M nodes / 5M edges, file → order", ours.get("endToEnd"),
                "json.load + graphlib static_order", pyTotal, identical));
        Figure oursCpu = CpuChild.run(OrdersCpuChild.class, JVM, List.of(file.toString(),
                Integer.toString(settings.warmups()), Integer.toString(settings.iterations())), settings.warmups(),
                settings.iterations());
        Figure pyCpu = Python.figure(py, "cpu_ms", "python3 process CPU time, " + settings.pythonRuns()
                + " runs in one process");
        report.row(new Report.Row("orders", "same, CPU time (less load-sensitive)", oursCpu, "same, CPU time",
                pyCpu, identical));
        report.section(section(file, ours, py, how, digest, jmh)
                + "\nCPU time, file → order: ours " + oursCpu.ms() + " (" + oursCpu.how() + "), python "
                + pyCpu.ms() + " → " + oursCpu.speedupOver(pyCpu) + ".\n");
    }

    /** The RESULTS.md section: ours phase by phase beside python's ({@code py}, measured {@code how}). */
    private static String section(Path file, Map<String, Figure> ours, Map<String, String> py, String how,
                                  String digest, Jmh jmh) throws Exception {
        Figure pyTotal = Python.figure(py, "total_ms", how);
        Figure pyLoad = Python.figure(py, "load_ms", how);
        Figure pyOrder = Python.figure(py, "order_ms", how);
        StringBuilder md = new StringBuilder("## orders: dependency order of a 1M-node graph\n\n");
        md.append(String.format(Locale.ROOT, "Input: `%s` (%.1f MB, seed 42, %s nodes in the order). Ours reads it"
                        + " through `GraphJsonReader`, the reader the HTTP handler uses (same lexer and name table;"
                        + " the handler's 100 000-node cap is lifted for this file). Order SHA-256: ours `%s`,"
                        + " python `%s`.%n%n", file.getFileName(), Files.size(file) / 1e6, py.get("nodes"),
                digest.substring(0, 16), String.valueOf(py.get("sha256")).substring(0, 16)));
        md.append("| phase | ours | python3 | ratio |\n|---|---|---|---|\n");
        md.append("| read + intern names (bytes → ids) | ").append(ours.get("readIntern").ms())
                .append(" | json.load: ").append(pyLoad.ms()).append(" | – |\n");
        md.append("| graph build (rows, counts, name Strings) | ").append(ours.get("graphBuild").ms())
                .append(" | – | – |\n");
        md.append("| ordering (graphlib static order) | ").append(ours.get("ordering").ms())
                .append(" | TopologicalSorter + static_order: ").append(pyOrder.ms()).append(" | ")
                .append(ours.get("ordering").speedupOver(pyOrder)).append(" |\n");
        md.append("| output (order as JSON bytes, not in end to end) | ").append(ours.get("output").ms())
                .append(" | – | – |\n");
        md.append("| **end to end, file → order** | ").append(ours.get("endToEnd").ms()).append(" | ")
                .append(pyTotal.ms()).append(" | ").append(ours.get("endToEnd").speedupOver(pyTotal))
                .append(" |\n\n");
        md.append("Ours: ").append(jmh.how()).append(". Python: ").append(pyTotal.how()).append(".\n");
        return md.toString();
    }

    private static String oursDigest(Path file) throws Exception {
        DependencyGraph graph;
        try (InputStream in = Files.newInputStream(file)) {
            graph = new GraphJsonReader(OrdersJmh.UNCAPPED).readGraph(in);
        }
        Resolution resolution = new OrderResolver().resolve(graph);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<String> order = resolution.order();
        for (int i = 0; i < order.size(); i++) {
            if (i > 0) {
                sha.update((byte) '\n');
            }
            sha.update(order.get(i).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
