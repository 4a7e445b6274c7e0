package dev.fnbundle.orders.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs a Python 3 script once with JSON on stdin and returns its JSON stdout: the judge of differential tests. */
public final class PythonRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonRunner() {
    }

    /** Skips the calling test, visibly, when python3 is not installed. */
    public static void assumePython() {
        Assumptions.assumeTrue(pythonVersion() != null, "python3 not found: differential test skipped");
    }

    /** Runs {@code script} with {@code input} serialized as JSON on stdin; the script prints one JSON value. */
    public static JsonNode run(String script, Object input) throws IOException, InterruptedException {
        assumePython();
        Path file = Files.createTempFile("orders-differential", ".py");
        try {
            Files.writeString(file, script);
            Process process = new ProcessBuilder("python3", file.toString()).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(JSON.writeValueAsBytes(input));
            }
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("python3 failed: " + err);
            }
            return JSON.readTree(out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String pythonVersion() {
        try {
            Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0 ? version : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
