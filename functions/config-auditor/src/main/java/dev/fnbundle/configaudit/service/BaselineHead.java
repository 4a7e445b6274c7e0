package dev.fnbundle.configaudit.service;

import dev.fnbundle.configaudit.semantic.ConfigFormat;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What is known of a baseline's latest approved version, without its content.
 *
 * @param name        the baseline name
 * @param version     the latest version, from 1 (the ETag)
 * @param format      its format
 * @param criticalKeys its critical key patterns
 * @param sourceUrl   where the scheduled re-audit fetches the deployed config, or null
 * @param createdAt   when version 1 was approved
 * @param updatedAt   when the latest version was approved
 * @param updatedBy   who approved it, or null
 * @param sizeBytes   the latest content's UTF-8 size
 * @param lineCount   the latest content's line count
 * @param lastReaudit the outcome of the last scheduled re-audit, or null
 */
public record BaselineHead(String name, long version, ConfigFormat format, List<String> criticalKeys, URI sourceUrl,
                           Instant createdAt, Instant updatedAt, String updatedBy, long sizeBytes, long lineCount,
                           ReauditStatus lastReaudit) {
    public BaselineHead {
        criticalKeys = List.copyOf(criticalKeys);
    }
}
