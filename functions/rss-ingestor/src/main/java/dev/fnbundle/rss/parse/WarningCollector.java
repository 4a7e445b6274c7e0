package dev.fnbundle.rss.parse;

import dev.fnbundle.rss.model.ParseWarning;
import dev.fnbundle.rss.model.WarningCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers warnings in document order, each distinct (code, message) once, at most a capped number; the rest are
 * counted. Memory stays bounded by the cap whatever the document repeats.
 */
final class WarningCollector {
    private final int max;
    private final List<ParseWarning> warnings = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private long dropped;

    WarningCollector(int max) {
        this.max = max;
    }

    void add(WarningCode code, String message, int line) {
        String key = code.name() + '\0' + message;
        if (seen.contains(key)) {
            return;
        }
        if (warnings.size() >= max) {
            dropped++;
            return;
        }
        seen.add(key);
        warnings.add(ParseWarning.of(code, message, line));
    }

    /** The warnings so far, plus one {@code warnings_capped} entry when some were not listed. */
    List<ParseWarning> toList() {
        List<ParseWarning> result = new ArrayList<>(warnings);
        if (dropped > 0) {
            result.add(ParseWarning.of(WarningCode.WARNINGS_CAPPED, dropped + " more warnings were not listed", 0));
        }
        return result;
    }
}
