package dev.fnbundle.configaudit.audit;

import java.util.List;

/**
 * The seed's {@code ConfigAuditResult}: similarity plus the raw lines the opcodes touched.
 *
 * @param similarity      {@code SequenceMatcher(None, template_lines, deployed_lines).ratio()}
 * @param addedLines      deployed lines of insert and replace opcodes, with their line endings
 * @param removedLines    template lines of delete and replace opcodes, with their line endings
 * @param changedSections {@code template_lines[i1].strip()} of each replace opcode
 */
public record ConfigAuditResult(double similarity, List<String> addedLines, List<String> removedLines,
                                List<String> changedSections) {
    /** Copies the lists; they must be non-null. */
    public ConfigAuditResult {
        addedLines = List.copyOf(addedLines);
        removedLines = List.copyOf(removedLines);
        changedSections = List.copyOf(changedSections);
    }

    /** The seed's {@code has_drift}: {@code similarity < 1.0}. */
    public boolean hasDrift() {
        return similarity < 1.0;
    }

    /** The seed's {@code summary()}, character for character (three lines when drift is found). */
    public String summary() {
        if (!hasDrift()) {
            return "No drift detected. Config matches template.";
        }
        return "Config drift detected (similarity: " + PythonPercent.format(similarity, 1) + ")\n"
                + "  Added lines:   " + addedLines.size() + "\n"
                + "  Removed lines: " + removedLines.size();
    }
}
