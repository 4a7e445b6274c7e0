package dev.fnbundle.configaudit.api;

import dev.fnbundle.configaudit.service.BaselineHead;
import dev.fnbundle.configaudit.service.ReauditStatus;
import dev.fnbundle.configaudit.service.SourceUrlPolicy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a baseline: its latest version's description, never its content (which may hold secrets).
 *
 * @param sourceUrl the re-audit source with any query hidden (it may carry a token), or null
 */
public record BaselineView(String name, long version, String format, List<String> criticalKeys, String sourceUrl,
                           long sizeBytes, long lineCount, Instant createdAt, Instant updatedAt, String updatedBy,
                           ReauditStatus lastReaudit, Map<String, String> links) {
    public static BaselineView of(BaselineHead head) {
        var links = new LinkedHashMap<String, String>();
        links.put("self", "/baselines/" + head.name());
        links.put("audit", "/baselines/" + head.name() + "/audit");
        links.put("history", "/baselines/" + head.name() + "/audits");
        return new BaselineView(head.name(), head.version(), head.format().label(), head.criticalKeys(),
                SourceUrlPolicy.redacted(head.sourceUrl()), head.sizeBytes(), head.lineCount(), head.createdAt(),
                head.updatedAt(), head.updatedBy(), head.lastReaudit(), links);
    }
}
