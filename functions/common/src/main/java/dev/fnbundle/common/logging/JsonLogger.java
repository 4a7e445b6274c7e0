package dev.fnbundle.common.logging;

import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * A logger that formats SLF4J calls (placeholders, a trailing throwable, fluent key-value pairs) into
 * {@link LogRecord}s for the {@link JsonLogWriter}.
 */
final class JsonLogger extends LegacyAbstractLogger implements LoggingEventAware {
    private static final long serialVersionUID = 1L;

    private final transient LogLevels levels;
    private final transient JsonLogWriter writer;

    JsonLogger(String name, LogLevels levels, JsonLogWriter writer) {
        this.name = name;
        this.levels = levels;
        this.writer = writer;
    }

    @Override
    public boolean isTraceEnabled() {
        return levels.isEnabled(name, Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return levels.isEnabled(name, Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return levels.isEnabled(name, Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return levels.isEnabled(name, Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return levels.isEnabled(name, Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        write(level, pattern, arguments, throwable, List.of());
    }

    @Override
    public void log(LoggingEvent event) {
        if (levels.isEnabled(name, event.getLevel())) {
            List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
            write(event.getLevel(), event.getMessage(), event.getArgumentArray(), event.getThrowable(), pairs);
        }
    }

    private void write(Level level, String pattern, Object[] arguments, Throwable throwable,
                       List<KeyValuePair> pairs) {
        FormattingTuple formatted = MessageFormatter.arrayFormat(pattern, arguments, throwable);
        Throwable error = formatted.getThrowable() != null ? formatted.getThrowable() : throwable;
        writer.write(new LogRecord(level, name, formatted.getMessage(), pairs, error));
    }
}
