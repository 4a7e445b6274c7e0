package dev.fnbundle.configaudit.service;

import dev.fnbundle.configaudit.semantic.ConfigFormat;
import java.net.URI;
import java.util.List;

/**
 * One approved version with its content, as an audit needs it.
 *
 * @param name         the baseline name
 * @param version      the version
 * @param content      the raw approved text
 * @param format       its format
 * @param criticalKeys its critical key patterns
 * @param sourceUrl    the re-audit source, or null
 */
public record BaselineVersion(String name, long version, String content, ConfigFormat format,
                              List<String> criticalKeys, URI sourceUrl) {
    public BaselineVersion {
        criticalKeys = List.copyOf(criticalKeys);
    }

    /** A short identity for logs: never the content. */
    @Override
    public String toString() {
        return "BaselineVersion[" + name + " v" + version + "]";
    }
}
