package dev.fnbundle.configaudit.audit;

import dev.fnbundle.configaudit.report.DiffHunk;
import dev.fnbundle.configaudit.report.SideBySide;
import dev.fnbundle.configaudit.semantic.ConfigFormat;
import dev.fnbundle.configaudit.semantic.KeyDrift;
import dev.fnbundle.configaudit.semantic.Severity;
import java.util.List;

/**
 * The result of one audit. Every text field is safe to return and log: secret values are masked.
 *
 * @param name            the baseline name
 * @param format          the format used for key-level drift (given or detected)
 * @param similarity      the seed's similarity: Python's {@code SequenceMatcher.ratio()} over the real lines
 * @param hasDrift        {@code similarity < 1.0}, as in the seed
 * @param severity        from the key-level drift and the critical patterns; without key drift, {@code warning}
 *                        when the lines differ and {@code none} when they do not
 * @param summary         the seed's summary text, e.g. {@code Config drift detected (similarity: 76.2%)...}
 * @param addedLines      the seed's added lines (masked), with their terminators
 * @param removedLines    the seed's removed lines (masked), with their terminators
 * @param changedSections the seed's changed sections (masked, stripped)
 * @param keyDrift        key-level changes (masked), or null when a side did not parse in its guessed format
 * @param unifiedDiff     Python's unified diff of the real lines, each content line then masked; equal to
 *                        {@code difflib.unified_diff} byte for byte when no line holds a secret
 * @param hunks           the same groups as side-by-side rows, masked, for the HTML view
 * @param warnings        what the audit had to skip, e.g. key drift on a side that did not parse; never null
 */
public record AuditReport(String name, ConfigFormat format, double similarity, boolean hasDrift, Severity severity,
                          String summary, List<String> addedLines, List<String> removedLines,
                          List<String> changedSections, KeyDrift keyDrift, String unifiedDiff, List<DiffHunk> hunks,
                          List<AuditWarning> warnings) {
    /** Copies the lists, which must be non-null except warnings (absent from reports stored before it existed). */
    public AuditReport {
        addedLines = List.copyOf(addedLines);
        removedLines = List.copyOf(removedLines);
        changedSections = List.copyOf(changedSections);
        hunks = SideBySide.copyOf(hunks);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
