package dev.fnbundle.local.functionside;

import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client side of the Lambda Runtime API (2018-06-01) over plain HTTP/1.1, as a function JVM calls it; the
 * server it talks to is the runtime's {@code RuntimeApiServer}.
 */
final class RuntimeApiClient {
    private final String base;

    RuntimeApiClient(String hostAndPort) {
        if (hostAndPort == null || hostAndPort.isBlank()) {
            throw new IllegalStateException("AWS_LAMBDA_RUNTIME_API is not set");
        }
        this.base = "http://" + hostAndPort + "/2018-06-01/runtime/";
    }

    /** One invocation handed out by {@code /invocation/next}. */
    record Invocation(String requestId, long deadlineMillis, String functionArn, String traceId, byte[] payload) {
    }

    /** Long-polls for the next invocation; the runtime exits with the process when the API is gone. */
    Invocation next() {
        try {
            HttpURLConnection connection = open("invocation/next", "GET");
            connection.setReadTimeout(0);
            try (InputStream in = connection.getInputStream()) {
                byte[] payload = in.readAllBytes();
                return new Invocation(connection.getHeaderField("Lambda-Runtime-Aws-Request-Id"),
                        Long.parseLong(connection.getHeaderField("Lambda-Runtime-Deadline-Ms")),
                        connection.getHeaderField("Lambda-Runtime-Invoked-Function-Arn"),
                        connection.getHeaderField("Lambda-Runtime-Trace-Id"), payload);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the Lambda Runtime API is gone", e);
        }
    }

    void respond(String requestId, byte[] payload) {
        post("invocation/" + requestId + "/response", payload, null);
    }

    void reportError(String requestId, Throwable error) {
        post("invocation/" + requestId + "/error", document(error), error.getClass().getName());
    }

    void reportInitError(Throwable error) {
        post("init/error", document(error), "Runtime.InitError");
    }

    /** Lambda's error document: errorMessage, errorType, stackTrace (and cause, when there is one). */
    private static byte[] document(Throwable error) {
        try {
            return JacksonFactory.getInstance().getMapper().writeValueAsBytes(describe(error));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> describe(Throwable error) {
        var document = new LinkedHashMap<String, Object>();
        document.put("errorMessage", error.getMessage() == null ? error.getClass().getName() : error.getMessage());
        document.put("errorType", error.getClass().getName());
        List<String> stack = new ArrayList<>();
        for (StackTraceElement frame : error.getStackTrace()) {
            stack.add(frame.toString());
        }
        document.put("stackTrace", stack);
        if (error.getCause() != null && error.getCause() != error) {
            document.put("cause", describe(error.getCause()));
        }
        return document;
    }

    private void post(String path, byte[] body, String errorType) {
        try {
            HttpURLConnection connection = open(path, "POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            if (errorType != null) {
                connection.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            connection.getResponseCode();
            connection.disconnect();
        } catch (IOException e) {
            throw new UncheckedIOException("the Lambda Runtime API is gone", e);
        }
    }

    private HttpURLConnection open(String path, String method) throws IOException {
        var connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(5_000);
        connection.setRequestProperty("Content-Type", "application/json");
        return connection;
    }
}
