package dev.fnbundle.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.local.console.Console;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The repository's own template.yaml running on the local runtime, once per test JVM, on free ports: what the
 * end-to-end tests of every function drive as a client would, through the JWT authorizer.
 */
final class BundleStack {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static final Path LOGS = LocalAws.repositoryRoot().resolve("target/local/logs");
    private static final Map<Path, Long> LOG_STARTS = new HashMap<>();
    private static BundleRuntime stack;

    private BundleStack() {
    }

    /** The running stack, started on first use and stopped when the JVM exits. */
    static synchronized BundleRuntime shared() {
        if (stack == null) {
            rememberWhereLogsStart();
            var options = Options.parse(List.of("start", "--port", "0", "--max-instances", "2",
                    "--dynamodb-port", "0", "--sqs-port", "0", "--smtp-port", "0", "--imap-port", "0",
                    "--imaps-port", "0", "--allow-loopback-fetch", "--no-aot-cache"), LocalAws.repositoryRoot());
            try {
                stack = BundleRuntime.start(options, new Console(new PrintStream(CONSOLE, true, StandardCharsets.UTF_8),
                        false));
                stack.awaitWarm(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bundle-stack-stop"));
        }
        return stack;
    }

    private static void rememberWhereLogsStart() {
        try (Stream<Path> logs = Files.list(LOGS)) {
            for (Path log : logs.toList()) {
                LOG_STARTS.put(log, Files.size(log));
            }
        } catch (IOException e) {
            // no logs yet: every line is this run's
        }
    }

    /**
     * The warnings, errors and JVM messages the functions logged since the stack started: what explains a
     * message that was retried or an instance that died.
     */
    static String functionTrouble() {
        var trouble = new StringBuilder();
        try (Stream<Path> logs = Files.list(LOGS)) {
            for (Path log : logs.sorted().toList()) {
                byte[] bytes = Files.readAllBytes(log);
                int from = (int) Math.min(bytes.length, LOG_STARTS.getOrDefault(log, 0L));
                new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.startsWith("{") || line.contains("\"level\":\"WARN\"")
                                || line.contains("\"level\":\"ERROR\""))
                        .filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                        .forEach(line -> trouble.append(log.getFileName()).append(": ").append(line).append('\n'));
            }
        } catch (IOException e) {
            trouble.append("(function logs unreadable: ").append(e).append(")\n");
        }
        return trouble.toString();
    }

    /** What the runtime printed so far. */
    static String console() {
        return CONSOLE.toString(StandardCharsets.UTF_8);
    }

    static HttpResponse<String> call(String method, String path, String body) {
        return call(method, path, body, shared().devToken());
    }

    static HttpResponse<String> call(String method, String path, String body, String token) {
        return send(method, path, body, token);
    }

    /** A request with the dev token and extra headers (name, value, name, value...). */
    static HttpResponse<String> callWithHeaders(String method, String path, String body, String... headers) {
        return send(method, path, body, shared().devToken(), headers);
    }

    private static HttpResponse<String> send(String method, String path, String body, String token,
                                             String... headers) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + shared().port() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to a minute) for an asynchronous effect; fails with the runtime's console when it never comes. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 60 s; runtime console:\n" + console()
                        + "\nfunction warnings and errors:\n" + functionTrouble());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
