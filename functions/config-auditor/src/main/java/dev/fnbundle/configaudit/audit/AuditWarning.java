package dev.fnbundle.configaudit.audit;

import dev.fnbundle.configaudit.semantic.ConfigParseException;

/**
 * Something the audit could not do, though it still answered: today only key-level drift skipped because a side
 * does not parse in the format that was guessed for it. Never quotes config values.
 *
 * @param type     {@code key-drift-skipped}
 * @param document which side: {@code baseline} or {@code current}
 * @param format   the guessed format that did not parse, e.g. {@code yaml}
 * @param line     1-based line of the parse error
 * @param column   1-based column of the parse error
 * @param message  a sentence saying all of the above and what to do about it
 */
public record AuditWarning(String type, String document, String format, int line, int column, String message) {
    /** The type of {@link #keyDriftSkipped}. */
    public static final String KEY_DRIFT_SKIPPED = "key-drift-skipped";

    /** A side that does not parse in its guessed format: the audit stays line-level. */
    static AuditWarning keyDriftSkipped(ConfigParseException e) {
        String format = e.format().label();
        return new AuditWarning(KEY_DRIFT_SKIPPED, e.document(), format, e.line(), e.column(), e.document()
                + " does not parse as " + format + " (a format guessed from the content) at line " + e.line()
                + ", column " + e.column() + ": " + e.detail() + ". Key-level drift and critical keys were skipped;"
                + " the line-level audit is complete. Give \"format\" to choose the format.");
    }
}
