package dev.fnbundle.local.function;

import dev.fnbundle.embedded.template.FunctionSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts function JVMs the way Lambda's Java runtime does: the zip unpacked as the task root
 * ({@code LAMBDA_TASK_ROOT}, classes at the root and jars in {@code lib/}, see {@link TaskRoots}), the chosen
 * Runtime API client ({@link RuntimeClientChoice}) on the class path as the main class with the handler as its
 * argument, {@code -Xmx} set to the function's MemorySize, and an environment made of Lambda's reserved variables,
 * the template's variables (with {@code --env-vars} values) and the local endpoints — nothing inherited from the
 * runtime's own environment. A function's {@link AotCaches AOT cache} is used when it has one; a debugged
 * function's JVM listens for a debugger ({@link DebugSettings}).
 */
public final class FunctionLauncher {
    /** {@code template} keeps the JIT flags of the template's JAVA_TOOL_OPTIONS (see {@link #jitOptions}). */
    static final String JIT_PROPERTY = "fnbundle.functionJit";

    /**
     * glibc's malloc settings for function JVMs: memory the process freed stays with it. The RIC's native HTTP
     * client reads each event into malloc'd memory on the function's main thread, which is not the process's first
     * thread, so the memory comes from a per-thread arena. By default glibc hands such an arena's freed top back to
     * the kernel (madvise) once it passes a threshold that tracks the largest block freed, and the next event
     * faults every page in again: for a 2.3 MB body, 2 200 page faults and 14 ms of kernel time per invocation, more
     * than the handler's own work. A fixed mmap threshold of 32 MB (glibc's maximum) with a trim threshold of 256
     * MB keeps those pages: zero faults per invocation, and at most the largest event's buffers held.
     */
    static final String MALLOC_TUNABLES = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456";
    private final Path workDirectory;
    private final RuntimeClientChoice client;
    private final Map<String, String> localEnvironment;
    private final String accountId;
    private final String region;
    private final EnvironmentOverrides overrides;
    private final TaskRoots taskRoots;
    private final AotCaches aot;
    private final DebugSettings debug;
    private final JvmStarts starts = new JvmStarts();

    /**
     * @param workDirectory    where zips are unpacked and logs written (e.g. target/local)
     * @param client           the runtime client function JVMs run
     * @param localEnvironment AWS region, credentials and endpoint variables every function gets
     * @param overrides        values from an {@code --env-vars} file for the template's variables
     */
    public FunctionLauncher(Path workDirectory, RuntimeClientChoice client, Map<String, String> localEnvironment,
                            String accountId, EnvironmentOverrides overrides, AotCaches aot, DebugSettings debug) {
        this.workDirectory = workDirectory;
        this.overrides = overrides;
        this.client = client;
        this.localEnvironment = Map.copyOf(localEnvironment);
        this.accountId = accountId;
        this.region = localEnvironment.getOrDefault("AWS_REGION", "us-east-1");
        this.taskRoots = new TaskRoots(workDirectory);
        this.aot = aot;
        this.debug = debug;
    }

    /** The function JVMs this launcher started that are still in their init, across every function. */
    public JvmStarts starts() {
        return starts;
    }

    String functionArn(FunctionSpec spec) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + spec.name();
    }

    /** The log file of a function's instances. */
    public Path logFile(FunctionSpec spec) {
        return workDirectory.resolve("logs").resolve(spec.logicalId() + ".log");
    }

    /** Where one instance's JVM writes its stdout and stderr, for its {@link LogPump} to carry on. */
    Path instanceOutput(FunctionSpec spec, int instanceNumber) {
        return workDirectory.resolve("instances").resolve(spec.logicalId() + "-" + instanceNumber + ".out");
    }

    public TaskRoots taskRoots() {
        return taskRoots;
    }

    public AotCaches aot() {
        return aot;
    }

    public DebugSettings debug() {
        return debug;
    }

    /**
     * The task root of the function's zip as it is now (unpacked if need be).
     *
     * @throws dev.fnbundle.local.UserFacingException when the zip does not exist (the build has not run)
     */
    public Path prepare(FunctionSpec spec) {
        return taskRoots.of(spec.codeUri(), spec.logicalId());
    }

    /**
     * Starts one JVM for {@code spec} running the code in {@code taskRoot}, its client talking to
     * {@code runtimeApi}.
     */
    Process launch(FunctionSpec spec, Path taskRoot, String runtimeApi, int instanceNumber) throws IOException {
        List<String> sharing = debug.debugs(spec.logicalId()) ? List.of("-Xshare:auto") : aot.options(spec);
        Path output = instanceOutput(spec, instanceNumber);
        Files.createDirectories(output.getParent());
        Files.createDirectories(logFile(spec).getParent());
        var options = new ArrayList<>(sharing);
        options.addAll(jitOptions());
        return start(command(spec, options, debug.jvmOptions(spec.logicalId()), List.of()), spec, taskRoot,
                runtimeApi, instanceNumber, output);
    }

    /**
     * The JIT of a serving function JVM: both compilers ({@code -XX:TieredStopAtLevel=4}, which wins over the
     * {@code -XX:TieredStopAtLevel=1} a template's {@code JAVA_TOOL_OPTIONS} may hold, as the command line comes
     * after that variable). C1 alone is Lambda's advice for short-lived environments, but an instance here serves
     * a whole session: measured on this machine (RESULTS.md, local section), the orders function's part of a
     * 40 000-node request took 123 ms with C2 against 263-332 ms with C1 only, while each function's init, 14 JVMs
     * starting two at a time in the background, took about 2 s longer. The AOT cache is trained with the template's
     * flags (a short run) and serves either (the JVM does not tie it to the JIT's level).
     * {@code -Dfnbundle.functionJit=template} keeps the template's flags; {@code c2} both compilers with the JVM's
     * default thresholds.
     *
     * <p>C2 only for code that stays hot: its thresholds raised tenfold, so that the code an init runs a few
     * thousand times (class loading, the SDK's builders, Jackson's introspection) stays with C1 instead of keeping
     * C2 busy on a 2-core machine while 14 JVMs start, and a request's loops over a big body still reach C2 within
     * that request. Measured on the runtime's own JVM at start (CPU of its compiler threads until it listens):
     * C2 3.9 s with the default thresholds, 0.9 s with these (C1 1.4 s either way).
     */
    static List<String> jitOptions() {
        String choice = System.getProperty(JIT_PROPERTY, "");
        if (choice.equals("template")) {
            return List.of();
        }
        var options = new ArrayList<String>(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=4"));
        if (!choice.equals("c2")) {
            options.addAll(HOT_CODE_ONLY_C2);
        }
        return options;
    }

    /** The C2 thresholds of {@link #jitOptions}, ten times the JVM's defaults (the runtime's pom uses the same). */
    static final List<String> HOT_CODE_ONLY_C2 = List.of("-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=400000");

    /**
     * Starts a training JVM that records the function's AOT cache into {@code cacheOutput} when it exits, at a
     * lower CPU priority where {@code nice} exists, its output into {@code log}. It primes its handler in its init
     * ({@value #PRIME_ON_INIT}, the requests a SnapStart snapshot is primed with: routing, JSON mapping, the core's
     * hot path, problem rendering, no storage call), so that the classes a first invocation loads are in the cache
     * too, not only those of the init; the instances started from the cache do not prime.
     */
    Process launchTraining(FunctionSpec spec, Path taskRoot, String runtimeApi, Path cacheOutput, Path log)
            throws IOException {
        return start(command(spec, List.of("-XX:AOTCacheOutput=" + cacheOutput), List.of(), lowerPriority()), spec,
                taskRoot, runtimeApi, 0, log, Map.of(PRIME_ON_INIT, "true"));
    }

    /** What runs a training JVM at a lower CPU priority: {@code nice -n 10} where it exists, else nothing. */
    public static List<String> lowerPriority() {
        return Files.isExecutable(Path.of("/usr/bin/nice")) ? List.of("/usr/bin/nice", "-n", "10") : List.of();
    }

    /** The variable that makes a function prime its handler in its init (common's {@code ApiPriming}). */
    static final String PRIME_ON_INIT = "FNBUNDLE_PRIME_ON_INIT";

    private List<String> command(FunctionSpec spec, List<String> sharing, List<String> debugging,
                                 List<String> prefix) {
        var command = new ArrayList<>(prefix);
        command.add(javaExecutable());
        command.add("-Xmx" + spec.memoryMb() + "m");
        command.add("-XX:+UseSerialGC");
        command.addAll(sharing);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Djava.net.preferIPv4Stack=true");
        command.addAll(debugging);
        command.addAll(client.jvmOptions());
        command.add("-cp");
        command.add(clientClasspath());
        command.add(client.mainClass());
        command.add(spec.handler());
        return command;
    }

    /** The runtime client's class path: with the JDK, what an AOT cache depends on besides the function's code. */
    public String clientClasspath() {
        return String.join(File.pathSeparator, client.classpath().stream().map(Path::toString).toList());
    }

    private Process start(List<String> command, FunctionSpec spec, Path taskRoot, String runtimeApi,
                          int instanceNumber, Path output) throws IOException {
        return start(command, spec, taskRoot, runtimeApi, instanceNumber, output, Map.of());
    }

    private Process start(List<String> command, FunctionSpec spec, Path taskRoot, String runtimeApi,
                          int instanceNumber, Path output, Map<String, String> extra) throws IOException {
        var builder = new ProcessBuilder(command).directory(taskRoot.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment(spec, taskRoot, runtimeApi, instanceNumber));
        builder.environment().putAll(extra);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.to(output.toFile()));
        return builder.start();
    }

    /** The environment of one instance, as Lambda would set it. */
    Map<String, String> environment(FunctionSpec spec, Path taskRoot, String runtimeApi, int instanceNumber) {
        var env = new LinkedHashMap<String, String>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("GLIBC_TUNABLES", MALLOC_TUNABLES);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
        env.put("_HANDLER", spec.handler());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/" + instanceNumber);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.putAll(localEnvironment);
        env.putAll(overrides.apply(spec));
        return env;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
