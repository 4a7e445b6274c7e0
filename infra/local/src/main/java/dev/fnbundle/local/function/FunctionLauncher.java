package dev.fnbundle.local.function;

import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.local.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Starts function JVMs the way Lambda's Java runtime does: the zip unpacked as the task root
 * ({@code LAMBDA_TASK_ROOT}, classes at the root and jars in {@code lib/}), the chosen Runtime API client
 * ({@link RuntimeClientChoice}) on the class path as the main class with the handler as its argument,
 * {@code -Xmx} set to the function's MemorySize, and an environment made of Lambda's reserved variables, the
 * template's variables (with {@code --env-vars} values) and the local endpoints — nothing inherited from the
 * runtime's own environment.
 */
public final class FunctionLauncher {
    private final Path workDirectory;
    private final RuntimeClientChoice client;
    private final Map<String, String> localEnvironment;
    private final String accountId;
    private final String region;
    private final EnvironmentOverrides overrides;

    /**
     * @param workDirectory    where zips are unpacked and logs written (e.g. target/local)
     * @param client           the runtime client function JVMs run
     * @param localEnvironment AWS region, credentials and endpoint variables every function gets
     * @param overrides        values from an {@code --env-vars} file for the template's variables
     */
    public FunctionLauncher(Path workDirectory, RuntimeClientChoice client, Map<String, String> localEnvironment,
                            String accountId, EnvironmentOverrides overrides) {
        this.workDirectory = workDirectory;
        this.overrides = overrides;
        this.client = client;
        this.localEnvironment = Map.copyOf(localEnvironment);
        this.accountId = accountId;
        this.region = localEnvironment.getOrDefault("AWS_REGION", "us-east-1");
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

    /**
     * Unpacks the function's zip into its task root, unless it is already unpacked from the same zip.
     *
     * @throws UserFacingException when the zip does not exist (the build has not run)
     */
    public Path prepare(FunctionSpec spec) {
        Path zip = spec.codeUri();
        if (!Files.isRegularFile(zip)) {
            throw new UserFacingException("function " + spec.logicalId() + ": CodeUri " + zip + " does not exist;"
                    + " build the zips first with ./mvnw -DskipTests package");
        }
        Path taskRoot = workDirectory.resolve("functions").resolve(spec.logicalId());
        Path stamp = taskRoot.resolve(".unpacked-from");
        try {
            FileTime zipTime = Files.getLastModifiedTime(zip);
            if (Files.exists(stamp) && Files.getLastModifiedTime(stamp).equals(zipTime)) {
                return taskRoot;
            }
            deleteTree(taskRoot);
            unzip(zip, taskRoot);
            Files.writeString(stamp, zip.toString());
            Files.setLastModifiedTime(stamp, zipTime);
            Files.createDirectories(logFile(spec).getParent());
            return taskRoot;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    /** Starts one JVM for {@code spec} whose runtime client talks to {@code runtimeApi}. */
    Process launch(FunctionSpec spec, String runtimeApi, int instanceNumber) throws IOException {
        Path taskRoot = prepare(spec);
        var command = new ArrayList<String>();
        command.add(javaExecutable());
        command.add("-Xmx" + spec.memoryMb() + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Djava.net.preferIPv4Stack=true");
        command.addAll(client.jvmOptions());
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, client.classpath().stream().map(Path::toString).toList()));
        command.add(client.mainClass());
        command.add(spec.handler());
        var builder = new ProcessBuilder(command).directory(taskRoot.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment(spec, taskRoot, runtimeApi, instanceNumber));
        builder.redirectErrorStream(true);
        Path output = instanceOutput(spec, instanceNumber);
        Files.createDirectories(output.getParent());
        Files.createDirectories(logFile(spec).getParent());
        builder.redirectOutput(ProcessBuilder.Redirect.to(output.toFile()));
        return builder.start();
    }

    /** The environment of one instance, as Lambda would set it. */
    Map<String, String> environment(FunctionSpec spec, Path taskRoot, String runtimeApi, int instanceNumber) {
        var env = new LinkedHashMap<String, String>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
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

    private static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(zip); var entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                Path file = root.resolve(entry.getName()).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException("zip entry escapes the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(entries, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
