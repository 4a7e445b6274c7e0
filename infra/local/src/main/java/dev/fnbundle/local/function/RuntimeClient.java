package dev.fnbundle.local.function;

import dev.fnbundle.local.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a function JVM runs as its main class to talk to the Runtime API: the AWS Lambda Runtime Interface Client
 * (what Lambda's Java runtime runs; its HTTP client is native code for Linux x86_64 and aarch64), or the
 * portable pure-Java client of this project for other systems. Both use aws-lambda-java-serialization the same
 * way, so a function sees the same events either way.
 */
public record RuntimeClient(String name, String mainClass, List<Path> classpath) {
    /** Chooses the client: {@code ric}, {@code portable}, or {@code auto} (the RIC where it can run). */
    public static RuntimeClient choose(String choice, Path ricDirectory, Path portableDirectory) {
        return switch (choice) {
            case "ric" -> ric(ricDirectory);
            case "portable" -> portable(portableDirectory);
            case "auto" -> ricRunsHere() ? ric(ricDirectory) : portable(portableDirectory);
            default -> throw new UserFacingException("--runtime-client is ric, portable or auto, not " + choice);
        };
    }

    static RuntimeClient ric(Path directory) {
        return new RuntimeClient("ric", "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                jars(directory, "the Lambda Runtime Interface Client"));
    }

    static RuntimeClient portable(Path directory) {
        return new RuntimeClient("portable", "dev.fnbundle.local.bootstrap.PortableRuntimeClient",
                jars(directory, "the portable runtime client"));
    }

    /** The RIC's native client exists for Linux on x86_64 and aarch64 only. */
    static boolean ricRunsHere() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"));
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
