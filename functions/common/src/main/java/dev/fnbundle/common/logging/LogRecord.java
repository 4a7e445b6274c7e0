package dev.fnbundle.common.logging;

import java.util.List;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/** One formatted log event; {@code error} may be null. */
record LogRecord(Level level, String logger, String message, List<KeyValuePair> pairs, Throwable error) {
}
