package dev.fnbundle.fuzzy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Python reference (test resources {@code reference/}: a transcription of textdistance's and jellyfish's
 * pure-Python code plus the seed's {@code fuzzy_search}) on one JSON request and returns its JSON answer.
 */
public final class PythonReference {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** The interpreter behind {@code python3} (resolved once: version-manager shims add seconds per start). */
    private static String executable;
    private static Boolean available;

    private PythonReference() {
    }

    /** @return an empty request document to fill with "similarity", "phonetic", "mra" or "seed" cases */
    public static ObjectNode request() {
        return JSON.createObjectNode();
    }

    /** Skips the calling test when python3 cannot be started. */
    public static void assumePython() {
        if (available == null) {
            available = probe();
        }
        Assumptions.assumeTrue(available, "python3 not found: differential test skipped");
    }

    /**
     * @param request the request document
     * @return the driver's answer
     */
    public static JsonNode call(ObjectNode request) {
        assumePython();
        try {
            Path directory = referenceDirectory();
            Path errors = Files.createTempFile("fuzzy-reference", ".err");
            Process process = new ProcessBuilder(executable, "-B", "reference_driver.py")
                    .directory(directory.toFile())
                    .redirectError(errors.toFile())
                    .start();
            try (OutputStream stdin = process.getOutputStream()) {
                JSON.writeValue(stdin, request);
            }
            JsonNode answer = JSON.readTree(process.getInputStream());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("python reference failed: " + Files.readString(errors));
            }
            Files.deleteIfExists(errors);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return a Python float as sent by the driver (its repr), parsed to the identical double */
    public static double number(JsonNode node) {
        return Double.parseDouble(node.asText());
    }

    private static Path referenceDirectory() {
        URL driver = PythonReference.class.getResource("/reference/reference_driver.py");
        if (driver == null) {
            throw new IllegalStateException("reference/reference_driver.py is not on the test classpath");
        }
        try {
            return Path.of(driver.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean probe() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || output.isEmpty()) {
                return false;
            }
            executable = output;
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
