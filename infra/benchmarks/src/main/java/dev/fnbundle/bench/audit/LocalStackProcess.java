package dev.fnbundle.bench.audit;

import dev.fnbundle.bench.LocalRuntimeJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local runtime ({@code infra/local}) started as a child process the way {@code ./mvnw -Plocal} starts it (same
 * main class, same JVM flags, the function zips the build just made), on free ports, without GreenMail; stopped
 * (shutdown hook, then by force) on {@link #close}. A random bearer token is passed as {@code LOCAL_DEV_TOKEN}.
 */
final class LocalStackProcess implements AutoCloseable {
    private static final Pattern ROUTES = Pattern.compile("Routes\\s+http://localhost:(\\d+)");

    private final Process process;
    private final int port;
    private final String token;
    private final List<String> console;

    private LocalStackProcess(Process process, int port, String token, List<String> console) {
        this.process = process;
        this.port = port;
        this.token = token;
        this.console = console;
    }

    /**
     * Starts the runtime and waits until every function is warm ({@code /_local/health} answers 200).
     *
     * @param root the checkout (template.yaml, function zips, infra/local/target)
     */
    static LocalStackProcess start(Path root, Duration timeout) throws IOException, InterruptedException {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path local = root.resolve("infra").resolve("local").resolve("target");
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(LocalRuntimeJvm.OPTIONS);
        // as the local suite: e.g. -Dbench.localJvmArgs=-Dfnbundle.functionJit=c2 to compare the functions' JIT
        String extra = System.getProperty("bench.localJvmArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-Dfnbundle.root=" + root, "-Dfnbundle.ric=" + local.resolve("ric"),
                "-Dfnbundle.portable.client=" + local.resolve("portable-client"), "-cp",
                System.getProperty("java.class.path"), "dev.fnbundle.local.LocalRuntimeMain", "start", "--port", "0",
                "--dynamodb-port", "0", "--sqs-port", "0", "--no-mail"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("LOCAL_DEV_TOKEN", token);
        Process process = builder.start();
        List<String> console = new ArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> readConsole(process, console, port), "local-stack-console");
        reader.setDaemon(true);
        reader.start();
        LocalStackProcess stack;
        try {
            stack = new LocalStackProcess(process, port.get(timeout.toMillis(), TimeUnit.MILLISECONDS), token,
                    console);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("the local runtime did not start:\n" + String.join("\n", tail(console)), e);
        }
        stack.awaitHealthy(timeout);
        return stack;
    }

    int port() {
        return port;
    }

    String token() {
        return token;
    }

    /** The local runtime's own JVM. */
    ProcessHandle runtime() {
        return process.toHandle();
    }

    /** The instance JVM of a function, found by its handler class on the command line. */
    Optional<ProcessHandle> functionJvm(String handlerClass) {
        return process.toHandle().descendants().filter(p -> p.info().commandLine().orElse("")
                .contains(handlerClass)).findFirst();
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/_local/health")).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IOException("the local runtime was not healthy in time:\n" + String.join("\n", tail(console)));
    }

    private static void readConsole(Process process, List<String> console, CompletableFuture<Integer> port) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (console) {
                    console.add(line);
                }
                Matcher m = ROUTES.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IOException("the local runtime exited"));
    }

    private static List<String> tail(List<String> console) {
        synchronized (console) {
            return new ArrayList<>(console.subList(Math.max(0, console.size() - 30), console.size()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
