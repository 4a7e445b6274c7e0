package dev.fnbundle.configaudit.report;

import java.util.Locale;

/** What a side-by-side row shows. */
public enum DiffRowKind {
    /** The same line on both sides. */
    CONTEXT,
    /** A baseline line replaced by a current line. */
    CHANGED,
    /** A baseline line with no counterpart. */
    REMOVED,
    /** A current line with no counterpart. */
    ADDED;

    /** Lower-case wire name, also the row's CSS class. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
