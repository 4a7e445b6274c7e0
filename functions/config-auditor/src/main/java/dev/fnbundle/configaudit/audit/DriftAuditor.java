package dev.fnbundle.configaudit.audit;

import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.configaudit.difflib.MatchWorkExceededException;
import dev.fnbundle.configaudit.difflib.Opcode;
import dev.fnbundle.configaudit.difflib.SequenceMatcher;
import dev.fnbundle.configaudit.difflib.TextLines;
import dev.fnbundle.configaudit.difflib.UnifiedDiff;
import dev.fnbundle.configaudit.difflib.UnifiedDiffHeader;
import dev.fnbundle.configaudit.report.HtmlSideBySide;
import dev.fnbundle.configaudit.report.SideBySide;
import dev.fnbundle.configaudit.secrets.LineMasker;
import dev.fnbundle.configaudit.secrets.MaskedDocument;
import dev.fnbundle.configaudit.secrets.SecretRedactor;
import dev.fnbundle.configaudit.secrets.TextSpan;
import dev.fnbundle.configaudit.semantic.ConfigFormat;
import dev.fnbundle.configaudit.semantic.ConfigParseException;
import dev.fnbundle.configaudit.semantic.FormatDetector;
import dev.fnbundle.configaudit.semantic.KeyDrift;
import dev.fnbundle.configaudit.semantic.KeyDriftAnalyzer;
import dev.fnbundle.configaudit.semantic.ParsedConfig;
import dev.fnbundle.configaudit.semantic.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Audits a deployed config against its baseline: the seed's line-level audit (Python-exact similarity, added and
 * removed lines, changed sections, summary), key-level drift with severity, and a unified diff.
 *
 * <p>Secrets: similarity, hasDrift and the diff's shape are computed on the real text, so they equal Python's;
 * every line placed in the report is masked ({@link MaskedDocument}): secret values where the parser found
 * them, lines by their shape ({@link LineMasker}), and the secret values of both sides (at least
 * {@value SecretRedactor#MIN_LENGTH} characters long) wherever else they appear, escaped or not. Key drift
 * shows secret entries as masks and passes every other key and value through the last two layers. The
 * unified diff's labels are {@code baseline/<name>} and {@code current/<name>}.
 *
 * <p>Formats: a stated format that does not parse is an error (422). A guessed one that does not parse only
 * costs the key level: the report keeps the whole line-level audit, has no key drift, and carries an
 * {@link AuditWarning} naming the format, line and column.
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
     * @throws ConfigParseException         (422) for a side that does not parse in the format the request states;
     *                                      {@link ConfigParseException#document()} says which side (a guessed
     *                                      format that does not parse gives a warning instead)
     */
    public AuditReport audit(AuditRequest request) {
        return audit(request, false);
    }

    /**
     * As {@link #audit(AuditRequest)}, where the request's format may be one guessed earlier (a baseline approved
     * without a format keeps the format detected then): with {@code formatGuessed}, a side that does not parse in
     * it degrades to a warning like a format detected now.
     */
    public AuditReport audit(AuditRequest request, boolean formatGuessed) {
        ValidatedAudit v = AuditRequestValidator.validate(request, limits);
        boolean guessed = formatGuessed || v.format().isEmpty();
        String baseline = v.baseline().text();
        String current = v.current().text();
        ConfigFormat format = v.format().orElseGet(() -> FormatDetector.detect(baseline, current));
        List<AuditWarning> warnings = new ArrayList<>();
        ParsedConfig baseKeys = read(format, guessed, v.baseline(), "baseline", warnings);
        ParsedConfig currentKeys = read(format, guessed, v.current(), "current", warnings);
        SecretRedactor redactor = SecretRedactor.of(SecretValues.of(baseKeys, currentKeys));
        KeyDrift keyDrift = baseKeys == null || currentKeys == null ? null
                : KeyDriftAnalyzer.compare(baseKeys, currentKeys, v.criticalKeys())
                        .map(shown -> redactor.redact(LineMasker.maskText(shown)));

        List<String> from = v.baseline();
        List<String> to = v.current();
        SequenceMatcher<String> matcher = SequenceMatcher.of(from, to, v.autojunk()).limitWork(limits.maxMatchWork());
        try {
            matcher.matchingBlocks();
        } catch (MatchWorkExceededException e) {
            throw new AuditTooComplexException(e.maxWork(), e);
        }
        List<String> maskedFrom = MaskedDocument.of(from, spans(baseKeys), redactor);
        List<String> maskedTo = MaskedDocument.of(to, spans(currentKeys), redactor);
        // The matcher ran on the real lines; the masked copies only supply the text that is shown.
        ConfigAuditResult seed = ConfigAudit.audit(maskedFrom, maskedTo, matcher);
        List<List<Opcode>> groups = matcher.groupedOpcodes(v.context());
        UnifiedDiffHeader header = UnifiedDiffHeader.of("baseline/" + v.name(), "current/" + v.name());
        String unifiedDiff = String.join("", UnifiedDiff.lines(maskedFrom, maskedTo, groups, header));
        Severity severity = keyDrift != null ? keyDrift.severity() : seed.hasDrift() ? Severity.WARNING
                : Severity.NONE;
        return new AuditReport(v.name(), format, seed.similarity(), seed.hasDrift(), severity, seed.summary(),
                seed.addedLines(), seed.removedLines(), seed.changedSections(), keyDrift, unifiedDiff,
                SideBySide.hunks(maskedFrom, maskedTo, groups, unifiedDiff), warnings.stream().map(w ->
                new AuditWarning(w.type(), w.document(), w.format(), w.line(), w.column(),
                        redactor.redact(w.message()))).toList());
    }

    /**
     * Checks a baseline on its own as {@link #audit} checks each side: name, format, critical keys, size, text,
     * lines, and that it parses in its format when the format is given. A detected format that does not parse is
     * accepted (audits against the baseline then stay line-level with a warning). Errors about the text name the
     * field {@code content} (and the document {@code content} for a parse error).
     *
     * @param format a format label, or null to detect one from the content
     * @return the given format, else the detected one
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
        read(resolved, format == null, v.baseline(), "content", new ArrayList<>());
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

    /**
     * Parses one side. A stated format that does not parse is the caller's error; a guessed one only costs the
     * key level: null, and a warning.
     */
    private static ParsedConfig read(ConfigFormat format, boolean guessed, TextLines text, String document,
                                     List<AuditWarning> warnings) {
        try {
            return format.parser().read(text);
        } catch (ConfigParseException e) {
            if (!guessed) {
                throw e.inDocument(document);
            }
            warnings.add(AuditWarning.keyDriftSkipped(e.inDocument(document)));
            return null;
        }
    }

    private static List<TextSpan> spans(ParsedConfig parsed) {
        return parsed == null ? List.of() : parsed.secretSpans();
    }
}
