package dev.fnbundle.configaudit.audit;

import dev.fnbundle.configaudit.difflib.Opcode;
import dev.fnbundle.configaudit.difflib.SequenceMatcher;
import dev.fnbundle.configaudit.difflib.UnifiedDiff;
import dev.fnbundle.configaudit.difflib.UnifiedDiffHeader;
import dev.fnbundle.configaudit.report.SideBySide;
import dev.fnbundle.configaudit.secrets.LineMasker;
import dev.fnbundle.configaudit.secrets.MaskedDocument;
import dev.fnbundle.configaudit.secrets.SecretRedactor;
import dev.fnbundle.configaudit.semantic.KeyDrift;
import dev.fnbundle.configaudit.semantic.KeyDriftAnalyzer;
import dev.fnbundle.configaudit.semantic.ParsedConfig;
import java.util.List;

/**
 * Benchmark-only: {@link DriftAuditor#audit(AuditRequest)} cut into its phases, each callable on its own so a
 * benchmark can say where an audit's time goes. Same steps in the same order, for a request with a stated format
 * that parses (the benchmark's case); {@link #report} chains them and the suite checks its result equals the
 * auditor's.
 */
public final class AuditPhases {
    private AuditPhases() {
    }

    /** Validation: field checks, UTF-8 size and text of both sides, and both sides cut into lines. */
    public static Object validate(AuditRequest request) {
        return AuditRequestValidator.validate(request, AuditLimits.defaults());
    }

    /** Both sides read in their stated format. */
    public static ParsedConfig[] read(Object validated) {
        ValidatedAudit v = (ValidatedAudit) validated;
        var parser = v.format().orElseThrow().parser();
        return new ParsedConfig[] {parser.read(v.baseline()), parser.read(v.current())};
    }

    /** The secret values of both sides, ready to be searched for. */
    public static SecretRedactor redactor(ParsedConfig[] sides) {
        return SecretRedactor.of(SecretValues.of(sides));
    }

    /** Key-level drift, its shown values masked. */
    public static KeyDrift keyDrift(Object validated, ParsedConfig[] sides, SecretRedactor redactor) {
        ValidatedAudit v = (ValidatedAudit) validated;
        return KeyDriftAnalyzer.compare(sides[0], sides[1], v.criticalKeys())
                .map(shown -> redactor.redact(LineMasker.maskText(shown)));
    }

    /** The line matcher, its matching blocks computed. */
    public static SequenceMatcher<String> match(Object validated) {
        ValidatedAudit v = (ValidatedAudit) validated;
        SequenceMatcher<String> matcher = SequenceMatcher.of(v.baseline(), v.current(), v.autojunk())
                .limitWork(AuditLimits.defaults().maxMatchWork());
        matcher.matchingBlocks();
        return matcher;
    }

    /** Masking (by position, shape and value) of the shown lines, the seed's result, unified diff and hunks. */
    public static AuditReport report(Object validated, ParsedConfig[] sides, SecretRedactor redactor,
                                     KeyDrift keyDrift, SequenceMatcher<String> matcher) {
        ValidatedAudit v = (ValidatedAudit) validated;
        List<String> maskedFrom = MaskedDocument.of(v.baseline(), sides[0].secretSpans(), redactor);
        List<String> maskedTo = MaskedDocument.of(v.current(), sides[1].secretSpans(), redactor);
        ConfigAuditResult seed = ConfigAudit.audit(maskedFrom, maskedTo, matcher);
        List<List<Opcode>> groups = matcher.groupedOpcodes(v.context());
        UnifiedDiffHeader header = UnifiedDiffHeader.of("baseline/" + v.name(), "current/" + v.name());
        String unifiedDiff = String.join("", UnifiedDiff.lines(maskedFrom, maskedTo, groups, header));
        return new AuditReport(v.name(), v.format().orElseThrow(), seed.similarity(), seed.hasDrift(),
                keyDrift.severity(), seed.summary(), seed.addedLines(), seed.removedLines(), seed.changedSections(),
                keyDrift, unifiedDiff, SideBySide.hunks(maskedFrom, maskedTo, groups, unifiedDiff), List.of());
    }

    /** All phases chained: the auditor's report for the request. */
    public static AuditReport all(AuditRequest request) {
        Object v = validate(request);
        ParsedConfig[] sides = read(v);
        SecretRedactor redactor = redactor(sides);
        KeyDrift keyDrift = keyDrift(v, sides, redactor);
        return report(v, sides, redactor, keyDrift, match(v));
    }
}
