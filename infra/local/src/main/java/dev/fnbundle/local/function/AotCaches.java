package dev.fnbundle.local.function;

import dev.fnbundle.embedded.template.FunctionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * One ahead-of-time cache per function (JDK 25's {@code -XX:AOTCache}, JEPs 483, 514 and 515) under
 * {@code <work>/aot}: the classes its JVM loaded and linked during an init that primes the handler (see
 * {@link FunctionLauncher#launchTraining}) and a first invocation, the JDK's, the
 * runtime client's and the function's own (JDK 25 caches those of the client's class loader too), made by a
 * training run ({@link AotTrainer}) in the background and used by every later instance. A cache only speeds a
 * JVM up: a class whose bytes changed since the training run is loaded from the task root as usual (the JVM
 * matches cached classes by their content), so a cache made from an older zip stays correct and is still used
 * while a new one is made. It is not used when the JDK, the runtime client or the JVM's options changed (the JVM
 * would refuse it), and never on JDKs before 25 or for a function being debugged.
 */
public final class AotCaches {
    /** The first JDK whose {@code -XX:AOTCacheOutput} records and creates a cache in one run (JEP 514). */
    static final int FIRST_FEATURE = 25;

    /** How a training run exercises the function; a cache made by an earlier kind of run is made again. */
    static final String TRAINING = "init primed, then a 404, then each GET route for an absent item";

    private final Path directory;
    private final boolean enabled;
    private final String runtimeKey;

    /**
     * @param enabled    false turns caches off (the {@code --no-aot-cache} option)
     * @param runtimeKey what a cache depends on besides the function's code: the JDK and the client's class path
     */
    public AotCaches(Path workDirectory, boolean enabled, String runtimeKey) {
        this.directory = workDirectory.resolve("aot");
        this.enabled = enabled && Runtime.version().feature() >= FIRST_FEATURE;
        this.runtimeKey = runtimeKey;
    }

    /** Caches that are never made nor used. */
    public static AotCaches off(Path workDirectory) {
        return new AotCaches(workDirectory, false, "");
    }

    public boolean enabled() {
        return enabled;
    }

    /** The class-data-sharing options of an instance: its function's cache when it has a usable one. */
    List<String> options(FunctionSpec spec) {
        Path cache = cache(spec);
        if (enabled && Files.isRegularFile(cache) && storedKey(spec).startsWith(runtimePart(spec))) {
            return List.of("-XX:AOTCache=" + cache);
        }
        return List.of("-Xshare:auto");
    }

    /** True when the function has no cache made from this code (zip content) on this JDK and client. */
    public boolean needsTraining(FunctionSpec spec, String zipSha256) {
        return enabled && !(Files.isRegularFile(cache(spec)) && storedKey(spec).equals(key(spec, zipSha256)));
    }

    /** Where a training run writes its cache before {@link #trained} moves it into place. */
    Path trainingOutput(FunctionSpec spec) throws IOException {
        Files.createDirectories(directory);
        return directory.resolve(spec.logicalId() + ".aot.training");
    }

    Path trainingLog(FunctionSpec spec) {
        return directory.resolve(spec.logicalId() + ".training.log");
    }

    /** Puts a finished training run's cache in place, for instances started from now on. */
    void trained(FunctionSpec spec, String zipSha256, Path output) throws IOException {
        Files.move(output, cache(spec), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(keyFile(spec), key(spec, zipSha256), StandardCharsets.UTF_8);
    }

    private Path cache(FunctionSpec spec) {
        return directory.resolve(spec.logicalId() + ".aot");
    }

    private Path keyFile(FunctionSpec spec) {
        return directory.resolve(spec.logicalId() + ".key");
    }

    private String storedKey(FunctionSpec spec) {
        try {
            return Files.readString(keyFile(spec), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String runtimePart(FunctionSpec spec) {
        return "java " + Runtime.version() + "\nclient " + runtimeKey + "\nheap " + spec.memoryMb() + "m\n"
                + "training " + TRAINING + "\n";
    }

    private String key(FunctionSpec spec, String zipSha256) {
        return runtimePart(spec) + "zip " + zipSha256 + "\n";
    }
}
