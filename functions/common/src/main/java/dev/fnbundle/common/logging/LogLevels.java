package dev.fnbundle.common.logging;

import java.util.Locale;
import java.util.Map;
import org.slf4j.event.Level;

/**
 * Which levels are on, per logger name. {@code LOG_LEVEL} (TRACE..ERROR, default INFO) sets the level of the
 * bundle's own code; the AWS SDK and other libraries log at WARN unless {@code LOG_LEVEL} is DEBUG or TRACE,
 * so a debugging session sees their wire-level detail and production does not pay for it.
 */
public record LogLevels(Level ownLevel, Level libraryLevel) {
    private static final String OWN_PREFIX = "dev.fnbundle.";

    /** Reads {@code LOG_LEVEL}; an unknown value falls back to INFO rather than failing the cold start. */
    public static LogLevels fromEnvironment(Map<String, String> env) {
        Level own = parse(env.get("LOG_LEVEL"));
        Level libraries = own.toInt() <= Level.DEBUG.toInt() ? own : Level.WARN;
        return new LogLevels(own, libraries);
    }

    /** True when an event of {@code level} from {@code loggerName} is written. */
    public boolean isEnabled(String loggerName, Level level) {
        Level threshold = loggerName.startsWith(OWN_PREFIX) ? ownLevel : libraryLevel;
        return level.toInt() >= threshold.toInt();
    }

    private static Level parse(String value) {
        if (value == null || value.isBlank()) {
            return Level.INFO;
        }
        try {
            return Level.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }
}
