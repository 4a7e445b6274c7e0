package dev.fnbundle.configaudit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs a Python script from the test resources with a JSON document on stdin and reads JSON from stdout. */
public final class PythonRunner {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PythonRunner() {
    }

    /** Skips the calling test when python3 is not on the PATH. */
    public static void assumePython() {
        Assumptions.assumeTrue(pythonAvailable(), "python3 not found: differential test skipped");
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code resources/python/<script>} on the given JSON input; fails the test on a non-zero exit. */
    public static JsonNode run(String script, Object input) throws IOException, InterruptedException {
        Path file = Files.createTempFile("difflib-", ".py");
        try (InputStream in = PythonRunner.class.getResourceAsStream("/python/" + script)) {
            if (in == null) {
                throw new IOException("missing test resource python/" + script);
            }
            Files.write(file, in.readAllBytes());
        }
        try {
            Process p = new ProcessBuilder("python3", file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(MAPPER.writeValueAsBytes(input));
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("python3 " + script + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return MAPPER.readTree(out);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
