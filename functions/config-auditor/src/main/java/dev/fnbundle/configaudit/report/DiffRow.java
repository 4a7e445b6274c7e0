package dev.fnbundle.configaudit.report;

/**
 * One row of a side-by-side diff. Texts have their line terminator removed.
 *
 * @param kind     what the row shows
 * @param fromLine 1-based baseline line number, or 0 when the row has no baseline line
 * @param fromText baseline text, or "" when fromLine is 0
 * @param toLine   1-based current line number, or 0 when the row has no current line
 * @param toText   current text, or "" when toLine is 0
 */
public record DiffRow(DiffRowKind kind, int fromLine, String fromText, int toLine, String toText) {
}
