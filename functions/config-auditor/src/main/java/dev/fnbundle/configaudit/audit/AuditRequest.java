package dev.fnbundle.configaudit.audit;

import java.util.List;

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
 */
public record AuditRequest(String name, String baseline, String current, String format, List<String> criticalKeys,
                           Integer context, Boolean autojunk) {
}
