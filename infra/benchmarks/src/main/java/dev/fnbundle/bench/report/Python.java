package dev.fnbundle.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a reference script in a python3 child process. Scripts print {@code key=value} lines; timings as
 * {@code key_ms=1.0,2.0,3.0}, one value per repetition, which {@link #figure} turns into a {@link Figure}.
 *
 * @param executable the interpreter, e.g. {@code python3}
 * @param pythonPath extra {@code PYTHONPATH} entries, or null
 */
public record Python(String executable, String pythonPath) {
    /** The python3 on PATH, as the seed tutorials run. */
    public static Python onPath() {
        return new Python("python3", null);
    }

    /** "CPython 3.11.7 (/root/.pyenv/versions/3.11.7/bin/python3)", or null when it cannot run. */
    public String version() {
        try {
            Map<String, String> out = run("import platform, sys\nprint('v=' + platform.python_implementation() + ' '"
                    + " + platform.python_version() + ' (' + sys.executable + ')')", List.of(), 1,
                    ProcessBuilder.Redirect.DISCARD);
            return out.get("v");
        } catch (IOException | IllegalStateException e) {
            return null;
        }
    }

    /** True when {@code module} imports in this interpreter. */
    public boolean has(String module) {
        try {
            return "yes".equals(run("import " + module + "\nprint('ok=yes')", List.of(), 1,
                    ProcessBuilder.Redirect.DISCARD).get("ok"));
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    /** Runs {@code script} with {@code args}; returns its key=value lines. Fails on a non-zero exit. */
    public Map<String, String> run(String script, List<String> args, int timeoutMinutes) throws IOException {
        return run(script, args, timeoutMinutes, ProcessBuilder.Redirect.INHERIT);
    }

    private Map<String, String> run(String script, List<String> args, int timeoutMinutes,
                                    ProcessBuilder.Redirect stderr) throws IOException {
        Path file = Files.createTempFile("bench-reference", ".py");
        try {
            Files.writeString(file, script);
            List<String> command = new ArrayList<>(List.of(executable, file.toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr);
            if (pythonPath != null) {
                builder.environment().put("PYTHONPATH", pythonPath);
            }
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(executable + " did not finish in " + timeoutMinutes + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(executable + " exited with " + process.exitValue() + ": " + out);
            }
            return parse(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + executable + " ran", e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The repetitions of {@code key} (comma-separated milliseconds) as a figure. */
    public static Figure figure(Map<String, String> out, String key, String how) {
        String value = out.get(key);
        if (value == null) {
            throw new IllegalStateException("the reference script printed no " + key + ": " + out);
        }
        double[] samples = Arrays.stream(value.split(",")).mapToDouble(Double::parseDouble).toArray();
        return new Figure(samples, how);
    }

    private static Map<String, String> parse(String out) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return values;
    }
}
