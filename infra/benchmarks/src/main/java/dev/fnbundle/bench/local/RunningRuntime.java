package dev.fnbundle.bench.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local runtime in a child JVM, started as {@code ./mvnw -Plocal} starts it (its JVM flags, the repository's
 * template and zips) on free ports, without the mail server; ready once its health says every function is warm.
 */
final class RunningRuntime implements AutoCloseable {
    /** The runtime JVM's options as infra/local's pom starts it (C2 for code that stays hot only). */
    static final List<String> JVM = dev.fnbundle.bench.LocalRuntimeJvm.OPTIONS;
    private static final Pattern CONSOLE_LINE = Pattern.compile("http://localhost:(\\d{1,5})/_local/console");
    private static final Duration START_LIMIT = Duration.ofMinutes(5);

    private final Process process;
    private final int port;
    private final String token;

    private final List<String> output;
    private final long launched;
    private double warmMillis;

    private RunningRuntime(Process process, int port, String token, List<String> output, long launched) {
        this.process = process;
        this.port = port;
        this.token = token;
        this.output = output;
        this.launched = launched;
    }

    /** What the runtime printed so far. */
    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** From the launch of the runtime's JVM to its health answering 200 (every function warm). */
    double warmMillis() {
        return warmMillis;
    }

    /** Milliseconds since the runtime's JVM was launched. */
    double sinceLaunch() {
        return (System.nanoTime() - launched) / 1e6;
    }

    static RunningRuntime start(Path root) throws IOException, InterruptedException {
        for (String function : List.of("config-auditor", "email-poller", "fuzzy-search", "order-resolver",
                "rss-ingestor")) {
            Path zip = root.resolve("functions").resolve(function).resolve("target").resolve(function + ".zip");
            if (!Files.exists(zip)) {
                throw new IllegalStateException(zip + " is missing: run ./mvnw -Pbench (it packages every zip)");
            }
        }
        Path local = root.resolve("infra").resolve("local").resolve("target");
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM);
        // e.g. -Dbench.localJvmArgs="-Dsun.net.httpserver.nodelay=false" to measure the runtime as it was
        String extra = System.getProperty("bench.localJvmArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        // e.g. -Dfnbundle.functionJit=template: function JVMs with the template's JIT flags (C1 only)
        String functionJit = System.getProperty("fnbundle.functionJit");
        if (functionJit != null) {
            command.add("-Dfnbundle.functionJit=" + functionJit);
        }
        command.addAll(List.of("-Dfnbundle.root=" + root, "-Dfnbundle.ric=" + local.resolve("ric"),
                "-Dfnbundle.portable.client=" + local.resolve("portable-client"), "-cp",
                System.getProperty("java.class.path"), "dev.fnbundle.local.LocalRuntimeMain", "start", "--port", "0",
                "--dynamodb-port", "0", "--sqs-port", "0", "--no-mail", "--no-logs"));
        // e.g. -Dbench.localArgs=--no-aot-cache
        String args = System.getProperty("bench.localArgs", "").strip();
        if (!args.isEmpty()) {
            command.addAll(List.of(args.split("\\s+")));
        }
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        var port = new CompletableFuture<Integer>();
        var output = java.util.Collections.synchronizedList(new ArrayList<String>());
        Thread.ofVirtual().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    Matcher m = CONSOLE_LINE.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            port.completeExceptionally(new IllegalStateException("the runtime exited before it was ready"));
        });
        try {
            int chosen = port.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
            String token = Files.readString(root.resolve("target").resolve("local").resolve("dev-token")).strip();
            var runtime = new RunningRuntime(process, chosen, token, output, launched);
            runtime.awaitWarm();
            runtime.warmMillis = (System.nanoTime() - launched) / 1e6;
            return runtime;
        } catch (Exception e) {
            destroy(process);
            throw new IllegalStateException("the local runtime did not start: " + e, e);
        }
    }

    private void awaitWarm() throws IOException, InterruptedException {
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/_local/health")).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the functions were not all warm within " + START_LIMIT);
    }

    /** Java's {@link HttpClient} on one keep-alive HTTP/1.1 connection, as a Java developer's client calls. */
    Client client() {
        return new JdkClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), port, token,
                this);
    }

    /** A plain blocking HTTP/1.1 keep-alive connection over a socket, as curl or wrk send requests. */
    Client socketClient() throws IOException {
        return new SocketClient(port, token, this);
    }

    /**
     * CPU time so far of the runtime's JVM and of the function JVMs running {@code handler} (a class name on their
     * command line), in ms by pid (empty where unknown). The other function JVMs and any background start or AOT
     * training are left out: on a busy machine their use varies more than a request costs.
     */
    Map<Long, Double> cpuByProcess(String handler) {
        var cpu = new LinkedHashMap<Long, Double>();
        var handles = new ArrayList<ProcessHandle>();
        handles.add(process.toHandle());
        process.descendants().filter(p -> p.info().arguments().map(List::of).orElse(List.of()).stream()
                .anyMatch(argument -> argument.startsWith(handler))).forEach(handles::add);
        for (ProcessHandle handle : handles) {
            handle.info().totalCpuDuration().ifPresent(used -> cpu.put(handle.pid(), used.toNanos() / 1e6));
        }
        return cpu;
    }

    /**
     * A CPU meter over the runtime's JVM and the function JVMs running {@code handler}: {@link CpuMeter#perRequest}
     * is the CPU time they used while the requests ran, less what they use idle in as long a time (the embedded SQS
     * and its pollers, the JVMs' own housekeeping), divided by the requests.
     */
    CpuMeter cpuMeter(String handler) throws InterruptedException {
        var start = cpuByProcess(handler);
        long begun = System.nanoTime();
        Thread.sleep(1500);
        double idleMillis = used(start, cpuByProcess(handler));
        double idlePerMs = idleMillis / ((System.nanoTime() - begun) / 1e6);
        return new CpuMeter(this, handler, idlePerMs, cpuByProcess(handler), System.nanoTime());
    }

    /** CPU ms used from {@code before} to {@code after}, by the processes alive at both times plus new ones. */
    static double used(Map<Long, Double> before, Map<Long, Double> after) {
        double sum = 0;
        for (var entry : after.entrySet()) {
            sum += entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
        }
        return sum;
    }

    /** See {@link #cpuMeter}. */
    record CpuMeter(RunningRuntime runtime, String handler, double idlePerMs, Map<Long, Double> start,
                    long startNanos) {
        double perRequest(int requests) {
            double elapsedMs = (System.nanoTime() - startNanos) / 1e6;
            Map<Long, Double> end = runtime.cpuByProcess(handler);
            if (start.isEmpty() || end.isEmpty()) {
                return -1;
            }
            return (used(start, end) - idlePerMs * elapsedMs) / requests;
        }
    }

    @Override
    public void close() {
        destroy(process);
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Sends requests one after another on one keep-alive connection and measures each from the client. */
    interface Client extends AutoCloseable {
        Measured measure(String method, String path, byte[] body, int expectedStatus, int count)
                throws IOException, InterruptedException;

        @Override
        default void close() throws IOException {
        }
    }

    private record JdkClient(HttpClient http, int port, String token, RunningRuntime runtime) implements Client {
        @Override
        public Measured measure(String method, String path, byte[] body, int expectedStatus, int count)
                throws IOException, InterruptedException {
            double[] millis = new double[count];
            Map<String, List<Double>> phases = new LinkedHashMap<>();
            byte[] last = null;
            var cpu = runtime.cpuMeter(handlerOf(path));
            for (int i = 0; i < count; i++) {
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                long start = System.nanoTime();
                var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() != expectedStatus) {
                    throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                            + ", not " + expectedStatus + ": " + new String(response.body(), StandardCharsets.UTF_8));
                }
                response.headers().firstValue("server-timing").ifPresent(timing -> phases(timing, phases));
                last = response.body();
            }
            return Measured.of(millis, phases, last, cpu.perRequest(count));
        }
    }

    /** The handler class of the function that serves {@code path} in the template. */
    static String handlerOf(String path) {
        return path.startsWith("/orders/") ? "dev.fnbundle.orders.OrdersApiHandler"
                : "dev.fnbundle.common.http.NotFoundHandler";
    }

    /** {@code name;dur=1.23, other;dur=4.5} */
    static void phases(String header, Map<String, List<Double>> into) {
        for (String metric : header.split(",")) {
            String[] parts = metric.strip().split(";");
            for (String part : Arrays.copyOfRange(parts, 1, parts.length)) {
                if (part.strip().startsWith("dur=")) {
                    into.computeIfAbsent(parts[0].strip(), k -> new ArrayList<>())
                            .add(Double.parseDouble(part.strip().substring(4)));
                }
            }
        }
    }

    /**
     * Client latencies in ms, the median of each Server-Timing phase, the last response body, and the CPU time
     * of the runtime's processes (its JVM and the function JVMs) per request beyond their idle use, in ms (-1 when
     * unknown).
     */
    record Measured(double[] millis, Map<String, Double> phases, byte[] lastBody, double cpuPerRequest) {
        static Measured of(double[] millis, Map<String, List<Double>> phases, byte[] last, double cpuPerRequest) {
            var medians = new LinkedHashMap<String, Double>();
            phases.forEach((name, values) -> {
                double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                medians.put(name, LocalRuntimeSuite.percentile(sorted, 50));
            });
            return new Measured(millis, medians, last, cpuPerRequest);
        }
    }
}
