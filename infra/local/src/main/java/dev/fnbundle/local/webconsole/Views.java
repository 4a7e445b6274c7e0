package dev.fnbundle.local.webconsole;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Small pieces every page shows the same way: times in UTC, durations, status badges, JSON. */
final class Views {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int MAX_PRETTY_CHARS = 256 * 1024;

    private Views() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    static String millis(double millis) {
        if (millis < 0) {
            return "";
        }
        return millis >= 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000)
                : String.format(Locale.ROOT, "%.2f ms", millis);
    }

    /** A coloured badge: ok and ready are green, errors red, busy and starting amber, the rest grey. */
    static Html badge(String status) {
        String tone = switch (status) {
            case "ok", "ready", "warm", "enabled", "sent", "seen" -> "good";
            case "error", "timeout", "crashed", "failed", "ERROR" -> "bad";
            case "busy", "starting", "WARN", "cold", "in flight" -> "warn";
            default -> "muted";
        };
        return Html.of("<span class=\"badge {}\">{}</span>", tone, status);
    }

    /** The text pretty-printed when it is JSON, else as it is; always shown as text in a {@code <pre>}. */
    static Html pre(String text) {
        return Html.of("<pre class=\"code\">{}</pre>", pretty(text));
    }

    static String pretty(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_PRETTY_CHARS) {
            return text;
        }
        char first = text.stripLeading().isEmpty() ? ' ' : text.stripLeading().charAt(0);
        if (first != '{' && first != '[') {
            return text;
        }
        try {
            return PRETTY.writeValueAsString(PRETTY.readTree(text));
        } catch (IOException e) {
            return text;
        }
    }

    /** A paragraph saying there is nothing to show. */
    static Html empty(String message) {
        return Html.of("<p class=\"empty\">{}</p>", message);
    }

    static Html link(String path, String segment, Map<String, String> query, Object text) {
        return Html.of("<a href=\"{}\">{}</a>", Html.url(path, segment, query), text);
    }

    /** At most {@code max} characters of {@code text}, with an ellipsis when cut. */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
