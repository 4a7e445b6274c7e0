package dev.fnbundle.local.function;

import dev.fnbundle.local.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Which Runtime API client function JVMs run as their main class, and how to put it on their command line (a
 * launch choice of the runtime, made once per start): the AWS Lambda Runtime Interface Client, {@code ric} (what
 * Lambda's Java runtime runs; its HTTP client is native code for Linux x86_64 and aarch64), or this project's
 * pure-Java client for other systems, {@code portable} (in {@code dev.fnbundle.local.functionside}). Both use
 * aws-lambda-java-serialization the same way, so a function sees the same events either way. The server side of
 * the Runtime API is {@link RuntimeApiServer}.
 *
 * @param jvmOptions options every function JVM needs for this client
 */
public record RuntimeClientChoice(String name, String mainClass, List<Path> classpath, List<String> jvmOptions) {
    /** When set, the RIC loads its native library from this path instead of unpacking it to /tmp first. */
    static final String RIC_LIBRARY_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    public RuntimeClientChoice {
        classpath = List.copyOf(classpath);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * Chooses the client: {@code ric}, {@code portable}, or {@code auto} (the RIC where it can run).
     *
     * @param workDirectory where the RIC's native library is unpacked, once for all function JVMs
     */
    public static RuntimeClientChoice choose(String choice, Path ricDirectory, Path portableDirectory,
                                             Path workDirectory) {
        return switch (choice) {
            case "ric" -> ric(ricDirectory, workDirectory);
            case "portable" -> portable(portableDirectory);
            case "auto" -> ricRunsHere() ? ric(ricDirectory, workDirectory) : portable(portableDirectory);
            default -> throw new UserFacingException("--runtime-client is ric, portable or auto, not " + choice);
        };
    }

    /**
     * The RIC, pointed at its native library unpacked here. Left to itself every RIC JVM unpacks the library to
     * the fixed path /tmp/.libaws-lambda-jni.so before loading it: fine in Lambda, where /tmp belongs to one
     * sandbox, but JVMs starting together on one machine then load a file another is rewriting and die of
     * SIGBUS in the dynamic loader.
     */
    static RuntimeClientChoice ric(Path directory, Path workDirectory) {
        List<Path> jars = jars(directory, "the Lambda Runtime Interface Client");
        Path library = unpackNativeLibrary(jars, workDirectory.resolve("ric-native"));
        return new RuntimeClientChoice("ric", "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", jars,
                List.of("-D" + RIC_LIBRARY_PROPERTY + "=" + library.toAbsolutePath()));
    }

    static RuntimeClientChoice portable(Path directory) {
        return new RuntimeClientChoice("portable", "dev.fnbundle.local.functionside.PortableRuntimeClient",
                jars(directory, "the portable runtime client"), List.of());
    }

    /** The RIC's native client exists for Linux on x86_64 and aarch64 only. */
    static boolean ricRunsHere() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"));
    }

    /** The name of the RIC's native library for this machine, as its jar stores it under {@code jni/}. */
    static String nativeLibraryName(String arch, boolean musl) {
        String cpu = arch.equals("aarch64") ? "aarch_64" : "x86_64";
        return "libaws-lambda-jni.linux" + (musl ? "_musl-" : "-") + cpu + ".so";
    }

    /**
     * Copies the library out of the RIC's jar and moves it into place atomically, so a JVM opening the path sees
     * either the previous complete file or the new one, never a half-written one.
     */
    static Path unpackNativeLibrary(List<Path> jars, Path directory) {
        String name = nativeLibraryName(System.getProperty("os.arch", "").toLowerCase(Locale.ROOT), isMusl());
        for (Path jar : jars) {
            try (var zip = new ZipFile(jar.toFile())) {
                var entry = zip.getEntry("jni/" + name);
                if (entry == null) {
                    continue;
                }
                Files.createDirectories(directory);
                Path library = directory.resolve(name);
                Path partial = Files.createTempFile(directory, name, ".partial");
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(partial);
                }
                return library;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack jni/" + name + " from " + jar, e);
            }
        }
        throw new UserFacingException("the Lambda Runtime Interface Client has no jni/" + name
                + " for this machine; start with --runtime-client portable");
    }

    private static boolean isMusl() {
        try (Stream<Path> files = Files.list(Path.of("/lib"))) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("ld-musl-"));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> jars(Path directory, String what) {
        if (directory == null || !Files.isDirectory(directory)) {
            throw new UserFacingException(what + " is missing from " + directory
                    + "; build the runtime with ./mvnw -DskipTests package");
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new UserFacingException("no jars of " + what + " in " + directory);
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
