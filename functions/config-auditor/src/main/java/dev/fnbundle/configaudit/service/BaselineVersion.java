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
 * @param formatGuessed whether the format was detected from the content rather than stated: audits against the
 *                      version then degrade to line level when a side does not parse, instead of failing
 */
public record BaselineVersion(String name, long version, String content, ConfigFormat format,
                              List<String> criticalKeys, URI sourceUrl, boolean formatGuessed) {
    public BaselineVersion {
        criticalKeys = List.copyOf(criticalKeys);
    }

    /** A version whose format was stated. */
    public BaselineVersion(String name, long version, String content, ConfigFormat format, List<String> criticalKeys,
                           URI sourceUrl) {
        this(name, version, content, format, criticalKeys, sourceUrl, false);
    }

    /** A short identity for logs: never the content. */
    @Override
    public String toString() {
        return "BaselineVersion[" + name + " v" + version + "]";
    }
}
