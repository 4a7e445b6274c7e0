package dev.fnbundle.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The one Python runner of every module's differential tests: {@code python3} as a child process, bytes or JSON on
 * stdin, stdout back, stderr in the failure message. A test calls {@link #assumePython()} (the run methods do it too)
 * so that a machine without {@code python3} skips it visibly instead of failing; the interpreter is resolved once
 * (version-manager shims would add a start-up per call). A script that runs longer than two minutes is killed and
 * fails the test.
 */
public final class Python {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;
    private static volatile String executable;
    private static volatile Boolean available;

    /** How one run ended. */
    public record Completed(int exitCode, byte[] stdout, String stderr) {
        /** Stdout as UTF-8 text. */
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** This run, or an {@link IllegalStateException} with stderr when it exited non-zero. */
        public Completed orFail() {
            if (exitCode != 0) {
                throw new IllegalStateException("python3 exited " + exitCode + ": " + stderr);
            }
            return this;
        }
    }

    private Python() {
    }

    /** Skips the calling test, visibly, when python3 cannot be started. */
    public static void assumePython() {
        if (available == null) {
            available = probe();
        }
        Assumptions.assumeTrue(available, "python3 not found: differential test skipped");
    }

    /**
     * Runs {@code python3 -B <arguments>} in {@code directory} (null: the current one) with {@code stdin}.
     *
     * @throws IllegalStateException when the run outlives the timeout (the process is killed)
     */
    public static Completed run(Path directory, byte[] stdin, List<String> arguments) {
        assumePython();
        List<String> command = new ArrayList<>(List.of(executable, "-B"));
        command.addAll(arguments);
        try {
            Path errors = Files.createTempFile("python-stderr", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                Process process = builder.start();
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin);
                }
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("python3 " + arguments + " did not finish");
                }
                return new Completed(process.exitValue(), out, Files.readString(errors));
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code python3 -B <arguments>} with nothing on stdin. */
    public static Completed run(String... arguments) {
        return run(null, new byte[0], List.of(arguments));
    }

    /** Runs the script text with {@code input} as JSON on stdin; the script prints one JSON value. */
    public static JsonNode json(String script, Object input) {
        return json(script, input, List.of());
    }

    /** As {@link #json(String, Object)}, with command-line arguments after the script. */
    public static JsonNode json(String script, Object input, List<String> arguments) {
        assumePython();
        try {
            Path file = Files.createTempFile("differential", ".py");
            try {
                Files.writeString(file, script);
                List<String> command = new ArrayList<>(List.of(file.toString()));
                command.addAll(arguments);
                return JSON.readTree(run(null, JSON.writeValueAsBytes(input), command).orFail().stdout());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the test resource {@code resource} (e.g. {@code /python/diff.py}) as {@link #json(String, Object)}. */
    public static JsonNode jsonResource(String resource, Object input) {
        try (InputStream in = Python.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return json(new String(in.readAllBytes(), StandardCharsets.UTF_8), input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
