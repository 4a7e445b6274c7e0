package dev.fnbundle.common.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.slf4j.MDC;
import org.slf4j.event.KeyValuePair;

/**
 * Serializes {@link LogRecord}s as single-line JSON: timestamp, level, logger, message, the MDC entries (the
 * request id among them), key-value pairs, and the error with its stack trace. Lines are written whole, so
 * concurrent threads never interleave inside a line.
 */
final class JsonLogWriter {
    /**
     * Longest value written for one field; the rest is cut and counted. A log line carries request data (paths,
     * ids, error messages quoting them), so it is bounded like everything else a client controls; stack traces get
     * more room.
     */
    static final int MAX_FIELD_CHARS = 4 * 1024;
    static final int MAX_STACK_TRACE_CHARS = 32 * 1024;

    private final PrintStream out;
    private final Clock clock;
    private final String functionName;

    JsonLogWriter(PrintStream out, Clock clock, String functionName) {
        this.out = out;
        this.clock = clock;
        this.functionName = functionName;
    }

    /**
     * Writes to {@code System.out} as it is when logging starts: in Lambda the runtime client has framed it for
     * CloudWatch, and in a test JVM the test runner captures it; writing to the raw file descriptor would bypass
     * both.
     */
    @SuppressWarnings("checkstyle:regexp")
    static JsonLogWriter stdout() {
        return new JsonLogWriter(System.out, Clock.systemUTC(), System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
    }

    void write(LogRecord record) {
        var line = new StringBuilder(256);
        line.append('{');
        field(line, "timestamp", clock.instant().toString());
        field(line, "level", record.level().name());
        field(line, "logger", record.logger());
        field(line, "message", record.message());
        if (functionName != null) {
            field(line, "function", functionName);
        }
        Map<String, String> context = MDC.getCopyOfContextMap();
        if (context != null) {
            context.forEach((key, value) -> field(line, key, value));
        }
        for (KeyValuePair pair : record.pairs()) {
            field(line, pair.key, String.valueOf(pair.value));
        }
        if (record.error() != null) {
            field(line, "errorType", record.error().getClass().getName());
            field(line, "errorMessage", String.valueOf(record.error().getMessage()));
            field(line, "stackTrace", stackTrace(record.error()), MAX_STACK_TRACE_CHARS);
        }
        line.setLength(line.length() - 1);
        line.append('}');
        out.println(line);
    }

    private static void field(StringBuilder line, String key, String value) {
        field(line, key, value, MAX_FIELD_CHARS);
    }

    private static void field(StringBuilder line, String key, String value, int maxChars) {
        quote(line, key);
        line.append(':');
        if (value == null) {
            line.append("null");
        } else {
            quote(line, capped(value, maxChars));
        }
        line.append(',');
    }

    /** The value, or its first {@code maxChars} characters (never half a surrogate pair) and how many were cut. */
    static String capped(String value, int maxChars) {
        if (value.length() <= maxChars) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return value.substring(0, end) + "...[" + (value.length() - end) + " more characters]";
    }

    static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String stackTrace(Throwable error) {
        var text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
