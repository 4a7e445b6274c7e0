package dev.fnbundle.configaudit;

import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.configaudit.audit.ConfigAudit;
import dev.fnbundle.configaudit.audit.ConfigAuditResult;
import dev.fnbundle.configaudit.difflib.MatchWorkExceededException;
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
     * @throws InvalidFieldsException (400) for missing or malformed fields, all reported at once
     * @throws PayloadRejectedException     (413) for a side over the size limit or not text
     * @throws TooManyLinesException        (413) for a side over the line limit
     * @throws AuditTooComplexException     (422) when matching the lines needs more than the work limit
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
        SequenceMatcher<String> matcher = SequenceMatcher.of(from, to, v.autojunk()).limitWork(limits.maxMatchWork());
        try {
            matcher.matchingBlocks();
        } catch (MatchWorkExceededException e) {
            throw new AuditTooComplexException(e.maxWork(), e);
        }
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

    /**
     * Checks a baseline on its own as {@link #audit} checks each side: name, format, critical keys, size, text,
     * lines, and that it parses. Errors about the text name the field {@code content} (and the document
     * {@code content} for a parse error).
     *
     * @param format a format label, or null to detect one from the content
     * @return the format the content parses in: the given one, else the detected one
     * @throws InvalidFieldsException (400), PayloadRejectedException or TooManyLinesException (413),
     *                                      ConfigParseException (422)
     */
    public ConfigFormat checkBaseline(String name, String content, String format, List<String> criticalKeys) {
        ValidatedAudit v;
        try {
            v = AuditRequestValidator.validate(new AuditRequest(name, content, "", format, criticalKeys, null, null),
                    limits);
        } catch (InvalidFieldsException e) {
            throw new InvalidFieldsException(e.errors().stream().map(f -> f.field().equals("baseline")
                    ? new FieldError("content", f.detail()) : f).toList());
        } catch (PayloadRejectedException e) {
            throw new PayloadRejectedException("content", e.reason(), e.limitBytes(), e.actualBytes());
        } catch (TooManyLinesException e) {
            throw new TooManyLinesException("content", e.limit(), e.actual());
        }
        ConfigFormat resolved = v.format().orElseGet(() -> FormatDetector.detect(content));
        parse(resolved, content, "content");
        return resolved;
    }

    /** Whether {@code name} is a valid baseline name: 1-128 of {@code [A-Za-z0-9._-]}, first a letter or digit. */
    public static boolean isValidName(String name) {
        return AuditRequestValidator.isValidName(name);
    }

    /** The number of lines Python's {@code text.splitlines()} gives, without splitting; O(n). */
    public static long lineCount(String text) {
        return TextBodyCheck.lineCount(text);
    }

    /** The limits this auditor enforces. */
    public AuditLimits limits() {
        return limits;
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
