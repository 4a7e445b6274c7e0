package dev.fnbundle.configaudit.service;

import dev.fnbundle.configaudit.semantic.ConfigFormat;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A checked baseline about to become a new version.
 *
 * @param name         the baseline name
 * @param content      the approved config text (raw: it may hold secrets, it is never returned)
 * @param format       the format it parses in (given or detected)
 * @param criticalKeys key-path globs that make a drift critical
 * @param sourceUrl    where the scheduled re-audit fetches the deployed config, or null
 * @param at           when it was approved
 * @param by           who approved it (the JWT subject), or null
 * @param sizeBytes    the content's UTF-8 size
 * @param lineCount    the content's line count
 * @param formatGuessed whether the format was detected rather than stated (see {@link BaselineVersion})
 */
public record BaselineDraft(String name, String content, ConfigFormat format, List<String> criticalKeys,
                            URI sourceUrl, Instant at, String by, long sizeBytes, long lineCount,
                            boolean formatGuessed) {
    public BaselineDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(format, "format");
        criticalKeys = List.copyOf(criticalKeys);
        Objects.requireNonNull(at, "at");
    }

    /** A draft whose format was stated. */
    public BaselineDraft(String name, String content, ConfigFormat format, List<String> criticalKeys, URI sourceUrl,
                         Instant at, String by, long sizeBytes, long lineCount) {
        this(name, content, format, criticalKeys, sourceUrl, at, by, sizeBytes, lineCount, false);
    }

    /** Never the content: it may hold secrets. */
    @Override
    public String toString() {
        return "BaselineDraft[" + name + ", " + format.label() + ", " + sizeBytes + " bytes]";
    }
}
