package dev.fnbundle.configaudit.audit;

import dev.fnbundle.configaudit.difflib.Opcode;
import dev.fnbundle.configaudit.difflib.PythonText;
import dev.fnbundle.configaudit.difflib.SequenceMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's {@code audit_config(template, deployed)}: lines split with {@code splitlines(keepends=True)},
 * one {@code SequenceMatcher}, and its opcodes sorted into added, removed and changed.
 *
 * <p>Note what the seed's code (not its printed output) does: a replace contributes all its template lines to
 * removed, all its deployed lines to added, and only its first template line, stripped, to changed sections;
 * inserts and deletes add no changed section.
 */
public final class ConfigAudit {
    private ConfigAudit() {
    }

    /** {@code audit_config(template, deployed)} with Python's default matcher (autojunk on). */
    public static ConfigAuditResult audit(String template, String deployed) {
        return audit(template, deployed, true);
    }

    /** As {@link #audit(String, String)}, with the autojunk heuristic switchable. Inputs must be non-null. */
    public static ConfigAuditResult audit(String template, String deployed, boolean autojunk) {
        List<String> templateLines = PythonText.splitLinesKeepEnds(template);
        List<String> deployedLines = PythonText.splitLinesKeepEnds(deployed);
        return audit(templateLines, deployedLines, SequenceMatcher.of(templateLines, deployedLines, autojunk));
    }

    /**
     * The audit over split lines and a matcher built on lines of the same lengths (it is reused, not rebuilt).
     * The lines may be display copies of the matched ones (masked, say): similarity and opcodes come from the
     * matcher, the reported text from the given lists.
     */
    public static ConfigAuditResult audit(List<String> templateLines, List<String> deployedLines,
                                          SequenceMatcher<String> matcher) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Opcode op : matcher.opcodes()) {
            switch (op.tag()) {
                case DELETE -> removed.addAll(templateLines.subList(op.i1(), op.i2()));
                case INSERT -> added.addAll(deployedLines.subList(op.j1(), op.j2()));
                case REPLACE -> {
                    removed.addAll(templateLines.subList(op.i1(), op.i2()));
                    added.addAll(deployedLines.subList(op.j1(), op.j2()));
                    changed.add(PythonText.strip(templateLines.get(op.i1())));
                }
                default -> {
                    // equal opcodes contribute nothing
                }
            }
        }
        return new ConfigAuditResult(matcher.ratio(), added, removed, changed);
    }
}
