package dev.fnbundle.configaudit.service;

import java.util.List;

/**
 * The body of {@code PUT /baselines/{name}}; optional fields may be null.
 *
 * @param content      the approved config text; required (may be empty)
 * @param format       a format label, or null to detect it from the content
 * @param criticalKeys key-path globs that make a drift critical, or null
 * @param sourceUrl    an https URL the scheduled re-audit fetches the deployed config from, or null
 */
public record BaselineInput(String content, String format, List<String> criticalKeys, String sourceUrl) {
    /** Never the content: it may hold secrets. */
    @Override
    public String toString() {
        return "BaselineInput[format=" + format + ", criticalKeys=" + criticalKeys + "]";
    }
}
