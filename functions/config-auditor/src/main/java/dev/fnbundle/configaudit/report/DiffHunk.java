package dev.fnbundle.configaudit.report;

import java.util.List;

/**
 * One change cluster of a grouped diff, with its unified-diff header.
 *
 * @param header the {@code @@ -a,b +c,d @@} line without terminator
 * @param rows   the rows, in order
 */
public record DiffHunk(String header, List<DiffRow> rows) {
    /** Copies the rows, which must be non-null. */
    public DiffHunk {
        rows = List.copyOf(rows);
    }
}
