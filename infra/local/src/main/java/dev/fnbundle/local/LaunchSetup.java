package dev.fnbundle.local;

import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.local.function.AotCaches;
import dev.fnbundle.local.function.DebugSettings;
import dev.fnbundle.local.function.EnvironmentOverrides;
import dev.fnbundle.local.function.FunctionLauncher;
import dev.fnbundle.local.function.RuntimeClientChoice;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How the function JVMs are launched: the launcher the options ask for (runtime client, AOT caches, debuggers,
 * environment overrides) and the unpacked task root of each function's code.
 */
final class LaunchSetup {
    private LaunchSetup() {
    }

    /**
     * The launcher of the function JVMs of {@code model}, talking to the local services.
     *
     * @param only the one function an {@code invoke} runs, or null for all (only then are AOT caches used)
     * @throws UserFacingException when {@code --debug} names a function that is not run
     */
    static FunctionLauncher launcher(Options options, StackModel model, LocalServices services,
                                     EnvironmentOverrides overrides, String only) {
        var debug = new DebugSettings(options.innerLoop().debug(), options.innerLoop().debugSuspend());
        for (String function : debug.ports().keySet()) {
            if (!model.functions().containsKey(function) || only != null && !only.equals(function)) {
                throw new UserFacingException("--debug " + function + ": the template has no function of that"
                        + " name" + (only == null ? "" : " to invoke") + "; functions: "
                        + String.join(", ", model.functions().keySet()));
            }
        }
        var client = RuntimeClientChoice.choose(options.runtimeClient(), directory("fnbundle.ric"),
                directory("fnbundle.portable.client"), options.workDirectory());
        String clientKey = String.join(File.pathSeparator, client.classpath().stream().map(Path::toString).toList());
        var aot = new AotCaches(options.workDirectory(), options.innerLoop().aotCache() && only == null, clientKey);
        return new FunctionLauncher(options.workDirectory(), client,
                LocalAws.awsEnvironment(services.dynamo().endpoint(), services.sqs().endpoint()), "000000000000",
                overrides, aot, debug);
    }

    /** The task root of each function, zips hashed and unpacked side by side, each zip once. */
    static Map<String, Path> taskRoots(FunctionLauncher launcher, List<FunctionSpec> functions)
            throws InterruptedException {
        var byZip = new LinkedHashMap<Path, Future<Path>>();
        var code = new LinkedHashMap<String, Path>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (FunctionSpec function : functions) {
                byZip.computeIfAbsent(function.codeUri(), zip -> threads.submit(() -> launcher.prepare(function)));
            }
            for (FunctionSpec function : functions) {
                code.put(function.logicalId(), byZip.get(function.codeUri()).get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
        return code;
    }

    /** A directory the build passes as a system property (see infra/local/pom.xml). */
    private static Path directory(String property) {
        String configured = System.getProperty(property);
        return configured == null ? null : Path.of(configured);
    }
}
