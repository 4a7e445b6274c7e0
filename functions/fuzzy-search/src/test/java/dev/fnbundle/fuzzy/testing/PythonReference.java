package dev.fnbundle.fuzzy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnbundle.common.testing.Python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the Python reference (test resources {@code reference/}: a transcription of textdistance's and jellyfish's
 * pure-Python code plus the seed's {@code fuzzy_search}) on one JSON request and returns its JSON answer, through
 * common's {@link Python} runner.
 */
public final class PythonReference {

    public static final ObjectMapper JSON = new ObjectMapper();

    private PythonReference() {
    }

    /** @return an empty request document to fill with "similarity", "phonetic", "mra" or "seed" cases */
    public static ObjectNode request() {
        return JSON.createObjectNode();
    }

    /** Skips the calling test when python3 cannot be started. */
    public static void assumePython() {
        Python.assumePython();
    }

    /**
     * @param request the request document
     * @return the driver's answer
     */
    public static JsonNode call(ObjectNode request) {
        try {
            byte[] answer = Python.run(referenceDirectory(), JSON.writeValueAsBytes(request),
                    List.of("reference_driver.py")).orFail().stdout();
            return JSON.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
}
