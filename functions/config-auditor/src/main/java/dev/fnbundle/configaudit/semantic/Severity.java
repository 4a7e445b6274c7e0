package dev.fnbundle.configaudit.semantic;

import java.util.Locale;

/** How serious a key-level drift is. */
public enum Severity {
    /** No key was added, removed or changed. */
    NONE,
    /** Some key changed, none of them critical. */
    WARNING,
    /** A key matching a critical pattern was added, removed or changed. */
    CRITICAL;

    /** The lower-case wire name: {@code none}, {@code warning} or {@code critical}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
