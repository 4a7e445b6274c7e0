package dev.fnbundle.local.observe;

import java.util.Locale;

/** The level of a function's log line, read from the line itself (functions here log JSON with a "level"). */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR;

    private static final int SCAN_CHARS = 200;

    /**
     * The level a line states: the {@code "level"} field of a JSON line, else the first level word near its start
     * ({@code ERROR}, {@code WARN}/{@code WARNING}, {@code SEVERE}, {@code FATAL}, {@code DEBUG}, {@code TRACE});
     * stack-trace lines count as errors; anything else is INFO. Linear in the line's first 200 characters.
     */
    public static LogLevel of(String line) {
        int field = line.indexOf("\"level\":\"");
        if (field >= 0 && field < SCAN_CHARS) {
            int start = field + 9;
            int end = line.indexOf('"', start);
            if (end > start && end - start <= 7) {
                LogLevel named = named(line.substring(start, end));
                if (named != null) {
                    return named;
                }
            }
        }
        if (line.startsWith("\tat ") || line.startsWith("Caused by: ") || line.startsWith("Exception in thread ")) {
            return ERROR;
        }
        String head = line.substring(0, Math.min(line.length(), SCAN_CHARS));
        int wordStart = -1;
        for (int i = 0; i <= head.length(); i++) {
            boolean letter = i < head.length() && Character.isLetter(head.charAt(i));
            if (letter && wordStart < 0) {
                wordStart = i;
            } else if (!letter && wordStart >= 0) {
                LogLevel named = named(head.substring(wordStart, i));
                if (named != null) {
                    return named;
                }
                wordStart = -1;
            }
        }
        return INFO;
    }

    private static LogLevel named(String word) {
        return switch (word.toUpperCase(Locale.ROOT)) {
            case "ERROR", "SEVERE", "FATAL" -> ERROR;
            case "WARN", "WARNING" -> WARN;
            case "INFO" -> INFO;
            case "DEBUG" -> DEBUG;
            case "TRACE" -> TRACE;
            default -> null;
        };
    }
}
