package dev.fnbundle.configaudit.difflib;

import java.util.Objects;

/**
 * The non-line arguments of Python's {@code unified_diff}.
 *
 * @param fromFile     label after {@code ---}; never null
 * @param toFile       label after {@code +++}; never null
 * @param fromFileDate appended after a tab when non-empty; never null
 * @param toFileDate   appended after a tab when non-empty; never null
 * @param lineterm     ends the control lines ({@code ---}, {@code +++}, {@code @@}); never null
 */
public record UnifiedDiffHeader(String fromFile, String toFile, String fromFileDate, String toFileDate,
                                String lineterm) {
    /** Rejects nulls, which Python would reject as non-str arguments. */
    public UnifiedDiffHeader {
        Objects.requireNonNull(fromFile, "fromFile");
        Objects.requireNonNull(toFile, "toFile");
        Objects.requireNonNull(fromFileDate, "fromFileDate");
        Objects.requireNonNull(toFileDate, "toFileDate");
        Objects.requireNonNull(lineterm, "lineterm");
    }

    /** Python's defaults: no dates, {@code lineterm='\n'}. */
    public static UnifiedDiffHeader of(String fromFile, String toFile) {
        return new UnifiedDiffHeader(fromFile, toFile, "", "", "\n");
    }
}
