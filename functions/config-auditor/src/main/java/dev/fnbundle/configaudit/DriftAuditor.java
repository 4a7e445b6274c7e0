package dev.fnbundle.configaudit;

import dev.fnbundle.configaudit.audit.ConfigAudit;
import dev.fnbundle.configaudit.audit.ConfigAuditResult;
import dev.fnbundle.configaudit.difflib.Opcode;
import dev.fnbundle.configaudit.difflib.PythonText;
import dev.fnbundle.configaudit.difflib.SequenceMatcher;
import dev.fnbundle.configaudit.difflib.UnifiedDiff;
import dev.fnbundle.configaudit.difflib.UnifiedDiffHeader;
import dev.fnbundle.configaudit.report.HtmlSideBySide;
import dev.fnbundle.configaudit.report.SideBySide;
import dev.fnbundle.configaudit.semantic.ConfigEntry;
import dev.fnbundle.configaudit.semantic.ConfigFormat;
import dev.fnbundle.configaudit.semantic.ConfigParseException;
import dev.fnbundle.configaudit.semantic.FormatDetector;
import dev.fnbundle.configaudit.semantic.KeyDrift;
import dev.fnbundle.configaudit.semantic.KeyDriftAnalyzer;
import dev.fnbundle.configaudit.semantic.LineMasker;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Audits a deployed config against its baseline: the seed's line-level audit (Python-exact similarity, added and
 * removed lines, changed sections, summary), key-level drift with severity, and a unified diff.
 *
 * <p>Secrets: similarity, hasDrift and the diff's shape are computed on the real text, so they equal Python's;
 * every line or value placed in the report is masked ({@link LineMasker}, {@code SecretPolicy}). The unified
 * diff's labels are {@code baseline/<name>} and {@code current/<name>}.
 *
 * <p>Thread-safe and stateless apart from its limits; one instance can serve all requests.
 */
public final class DriftAuditor {
    private final AuditLimits limits;

    /** An auditor with {@link AuditLimits#defaults()}. */
    public DriftAuditor() {
        this(AuditLimits.defaults());
    }

    /** An auditor with the given limits (non-null). */
    public DriftAuditor(AuditLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Runs one audit. Cost is dominated by the line matcher: near-linear in the number of lines for typical
     * configs (quadratic at worst, as in Python).
     *
     * @throws InvalidAuditRequestException (400) for missing or malformed fields, all reported at once
     * @throws PayloadRejectedException     (413) for a side over the size limit or not text
     * @throws ConfigParseException         (422) for a side that does not parse in the given or detected format;
     *                                      {@link ConfigParseException#document()} says which side
     */
    public AuditReport audit(AuditRequest request) {
        ValidatedAudit v = AuditRequestValidator.validate(request, limits);
        ConfigFormat format = v.format().orElseGet(() -> FormatDetector.detect(v.baseline(), v.current()));
        SortedMap<String, ConfigEntry> baseKeys = parse(format, v.baseline(), "baseline");
        SortedMap<String, ConfigEntry> currentKeys = parse(format, v.current(), "current");
        KeyDrift keyDrift = KeyDriftAnalyzer.compare(baseKeys, currentKeys, v.criticalKeys());

        List<String> from = PythonText.splitLinesKeepEnds(v.baseline());
        List<String> to = PythonText.splitLinesKeepEnds(v.current());
        SequenceMatcher<String> matcher = SequenceMatcher.of(from, to, v.autojunk());
        List<String> maskedFrom = LineMasker.maskLines(from);
        List<String> maskedTo = LineMasker.maskLines(to);
        // The matcher ran on the real lines; the masked copies only supply the text that is shown.
        ConfigAuditResult seed = ConfigAudit.audit(maskedFrom, maskedTo, matcher);
        List<List<Opcode>> groups = matcher.groupedOpcodes(v.context());
        UnifiedDiffHeader header = UnifiedDiffHeader.of("baseline/" + v.name(), "current/" + v.name());
        String unifiedDiff = String.join("", UnifiedDiff.lines(maskedFrom, maskedTo, groups, header));
        return new AuditReport(v.name(), format, seed.similarity(), seed.hasDrift(), keyDrift.severity(),
                seed.summary(), seed.addedLines(), seed.removedLines(), seed.changedSections(), keyDrift,
                unifiedDiff, SideBySide.hunks(maskedFrom, maskedTo, groups));
    }

    /** The side-by-side HTML page of a report (already masked); never null. */
    public static String html(AuditReport report) {
        return HtmlSideBySide.render("Config drift: " + report.name(), "baseline/" + report.name(),
                "current/" + report.name(), report.hunks());
    }

    private static SortedMap<String, ConfigEntry> parse(ConfigFormat format, String text, String document) {
        try {
            return format.parser().parse(text);
        } catch (ConfigParseException e) {
            throw e.inDocument(document);
        }
    }
}
