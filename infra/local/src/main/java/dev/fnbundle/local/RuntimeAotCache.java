package dev.fnbundle.local;

import dev.fnbundle.local.console.Console;
import dev.fnbundle.local.function.FunctionLauncher;
import dev.fnbundle.local.function.TaskRoots;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's own AOT cache ({@code target/local/runtime.aot}, JDK 25's {@code -XX:AOTCache}), which
 * {@code ./local} hands to the runtime's JVM: the classes of DynamoDB Local, ElasticMQ, GreenMail, the AWS SDK and
 * the runtime, loaded and linked once by a training run instead of at every start. Measured on this machine (load
 * average 11–16, two starts each, alternating): 5.4–6.4 s of CPU until the API listens with the cache, 9.1 s
 * without; on 2 cores that CPU is what the function JVMs starting beside it wait for.
 *
 * <p>The cache is made for the launch file {@code ./local} uses ({@link LaunchFile}), whose class path holds only
 * jars ({@link RuntimeClassPath}): once every function has started, when the cache is missing or was made for
 * other jars or another JDK, a training JVM at a lower CPU priority starts the runtime without function JVMs, on
 * free ports, in a scratch directory, sends it two requests, makes the functions' kinds of calls to DynamoDB Local
 * and ElasticMQ and exits, and the JVM writes the cache as it does.
 * The JVM itself checks a cache against the JDK and each jar's size and time and starts without it (silently:
 * {@code ./local} turns the AOT log off) when they differ, so a stale cache never runs stale code.
 */
final class RuntimeAotCache implements AutoCloseable {
    /** The hidden command of the training JVM. */
    static final String TRAINING_COMMAND = "train-runtime-aot-cache";
    /** Set by {@link LaunchFile} in the launch file, so that a runtime started by {@code ./local} keeps its cache. */
    static final String STARTED_BY_LOCAL = "fnbundle.startedByLocal";

    private static final long TRAINING_LIMIT_SECONDS = 300;

    private final Path workDirectory;
    private volatile Process training;
    private volatile boolean closed;

    RuntimeAotCache(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /** Whether this JVM was started from a launch file a cache serves: by {@code ./local} or by Maven. */
    static boolean servesThisJvm() {
        return Runtime.version().feature() >= 25
                && (Boolean.getBoolean(LaunchFile.STARTED_BY_MAVEN) || Boolean.getBoolean(STARTED_BY_LOCAL));
    }

    Path cache() {
        return workDirectory.resolve("runtime.aot");
    }

    private Path keyFile() {
        return workDirectory.resolve("runtime.aot.key");
    }

    /**
     * What the cache depends on, as the JVM checks it: the {@code java} and its module image, the launch file,
     * and each jar of its class path with its size and time. Empty when there is no launch file.
     */
    String key() throws IOException {
        Path arguments = workDirectory.resolve(LaunchFile.ARGUMENTS);
        Path javaFile = workDirectory.resolve(LaunchFile.JAVA);
        if (!Files.isRegularFile(arguments) || !Files.isRegularFile(javaFile)) {
            return "";
        }
        var key = new StringBuilder();
        String java = Files.readString(javaFile, StandardCharsets.UTF_8).strip();
        key.append("java ").append(java).append('\n');
        Path home = Path.of(java).getParent() == null ? null : Path.of(java).getParent().getParent();
        if (home != null) {
            key.append(stamp(home.resolve("lib").resolve("modules")));
        }
        List<String> launch = LaunchFile.readArgumentFile(Files.readString(arguments, StandardCharsets.UTF_8));
        launch.forEach(argument -> key.append("arg ").append(argument).append('\n'));
        int classPath = launch.indexOf("-cp");
        if (classPath >= 0 && classPath + 1 < launch.size()) {
            for (String entry : launch.get(classPath + 1).split(File.pathSeparator)) {
                key.append(stamp(Path.of(entry)));
            }
        }
        return key.toString();
    }

    private static String stamp(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "missing " + file + "\n";
        }
        return "file " + file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis() + "\n";
    }

    /** True when there is a launch file and no cache made for it as it is now. */
    boolean stale() throws IOException {
        return stale(key());
    }

    private boolean stale(String key) throws IOException {
        if (key.isEmpty()) {
            return false;
        }
        String stored = Files.isRegularFile(keyFile()) ? Files.readString(keyFile(), StandardCharsets.UTF_8) : "";
        return !Files.isRegularFile(cache()) || !stored.equals(key);
    }

    /** Makes the cache when it is {@link #stale}; says on the console when it is in place. */
    void trainIfStale(Console console) throws InterruptedException {
        try {
            String key = key();
            if (closed || !stale(key)) {
                return;
            }
            long begun = System.nanoTime();
            if (train(key)) {
                console.info(String.format(Locale.ROOT, "made the runtime's AOT cache in %.1f s (%s):"
                        + " ./local starts faster from now on", (System.nanoTime() - begun) / 1e9,
                        workDirectory.relativize(cache())));
            }
        } catch (IOException e) {
            // Only the speed-up is lost; the next start tries again.
        }
    }

    private boolean train(String key) throws IOException, InterruptedException {
        Path output = workDirectory.resolve("runtime.aot.training");
        Path log = workDirectory.resolve("runtime.aot.training.log");
        Files.deleteIfExists(output);
        var command = new ArrayList<>(FunctionLauncher.lowerPriority());
        command.add(Files.readString(workDirectory.resolve(LaunchFile.JAVA), StandardCharsets.UTF_8).strip());
        command.addAll(List.of("-XX:AOTCacheOutput=" + output, "-Xlog:aot*=off", "-Xlog:cds*=off",
                "@" + workDirectory.resolve(LaunchFile.ARGUMENTS), TRAINING_COMMAND));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        training = process;
        try {
            if (closed || !process.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0
                    || !Files.isRegularFile(output) || Files.size(output) == 0) {
                return false;
            }
        } finally {
            stop(process);
            training = null;
        }
        Files.move(output, cache(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(keyFile(), key, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return true;
    }

    /** Stops a training run in progress (the runtime is stopping). */
    @Override
    public void close() {
        closed = true;
        Process process = training;
        if (process != null) {
            stop(process);
        }
    }

    /** Kills the training JVM and anything it started (it exits by itself once it has written the cache). */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * The training run, in the training JVM: the runtime started without function JVMs on free ports in a scratch
     * directory, one request to its health endpoint and one with a malformed token (the JWT check's refusal, no
     * function), the calls functions make to DynamoDB Local and ElasticMQ ({@link ServiceTraining}, on a scratch
     * table and queue), then stopped.
     *
     * @return the exit status: 0 when the start, both requests and the services' calls went through
     */
    static int exerciseStart(Path root, Console console) throws InterruptedException, IOException {
        Path scratch = Files.createTempDirectory("fnbundle-runtime-aot");
        try {
            Options options = Options.parse(List.of("start", "--port", "0", "--dynamodb-port", "0", "--sqs-port",
                    "0", "--smtp-port", "0", "--imap-port", "0", "--imaps-port", "0", "--no-aot-cache", "--no-logs"),
                    root).withWorkDirectory(scratch);
            try (BundleRuntime stack = BundleRuntime.startWithoutFunctionJvms(options, console)) {
                var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                String base = "http://127.0.0.1:" + stack.port();
                int health = client.send(HttpRequest.newBuilder(URI.create(base + "/_local/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                int refused = client.send(HttpRequest.newBuilder(URI.create(base + "/aot-training"))
                        .header("Authorization", "Bearer not.a.token").build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (health <= 0 || refused != 401) {
                    return 1;
                }
                ServiceTraining.exercise(stack.aws().dynamoDb(), stack.aws().sqs());
                return 0;
            }
        } finally {
            try {
                TaskRoots.deleteTree(scratch);
            } catch (IOException e) {
                // A scratch directory left under the temporary directory does not make the cache wrong.
            }
        }
    }
}
