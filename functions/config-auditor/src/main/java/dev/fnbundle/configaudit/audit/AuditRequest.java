package dev.fnbundle.configaudit.audit;

import dev.fnbundle.configaudit.difflib.TextLines;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /audits}, as parsed from JSON: optional fields may be null.
 *
 * @param name         baseline name, 1-128 of {@code [A-Za-z0-9._-]}, starting with a letter or digit; required
 * @param baseline     the expected config text; required
 * @param current      the deployed config text; required
 * @param format       ini, properties, yaml (yml), json or nginx (conf); null to detect
 * @param criticalKeys key-path globs that make a drift critical; null for none
 * @param context      unified-diff context lines, default 3
 * @param autojunk     SequenceMatcher's autojunk heuristic, default true
 * @param baselineLines {@code baseline} already cut into lines by the body's reader (which saw every line feed
 *                      while decoding it), or null: validation then cuts it
 * @param currentLines  the same for {@code current}
 */
public record AuditRequest(String name, String baseline, String current, String format, List<String> criticalKeys,
                           Integer context, Boolean autojunk, TextLines baselineLines, TextLines currentLines) {
    /** @throws IllegalArgumentException when given lines are not of the very text they stand for */
    public AuditRequest {
        if (baselineLines != null && baselineLines.text() != baseline
                || currentLines != null && currentLines.text() != current) {
            throw new IllegalArgumentException("lines of another text");
        }
    }

    /** Equal when the fields a client sends are; the lines are the reader's by-product, not part of the request. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AuditRequest r && Objects.equals(name, r.name) && Objects.equals(baseline, r.baseline)
                && Objects.equals(current, r.current) && Objects.equals(format, r.format)
                && Objects.equals(criticalKeys, r.criticalKeys) && Objects.equals(context, r.context)
                && Objects.equals(autojunk, r.autojunk);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, baseline, current, format, criticalKeys, context, autojunk);
    }

    @Override
    public String toString() {
        return "AuditRequest[name=" + name + ", baseline=" + baseline + ", current=" + current + ", format="
                + format + ", criticalKeys=" + criticalKeys + ", context=" + context + ", autojunk=" + autojunk + "]";
    }

    /** A request whose sides validation cuts into lines. */
    public AuditRequest(String name, String baseline, String current, String format, List<String> criticalKeys,
                        Integer context, Boolean autojunk) {
        this(name, baseline, current, format, criticalKeys, context, autojunk, null, null);
    }
}
