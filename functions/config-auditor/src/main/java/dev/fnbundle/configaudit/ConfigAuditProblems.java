package dev.fnbundle.configaudit;

import dev.fnbundle.common.problem.Problem;
import dev.fnbundle.common.problem.ProblemMapper;
import dev.fnbundle.configaudit.audit.AuditTooComplexException;
import dev.fnbundle.configaudit.audit.PayloadRejectedException;
import dev.fnbundle.configaudit.audit.TooManyLinesException;
import dev.fnbundle.configaudit.semantic.ConfigParseException;
import dev.fnbundle.configaudit.service.AuditNotFoundException;
import dev.fnbundle.configaudit.service.AuditTooLargeToStoreException;
import dev.fnbundle.configaudit.service.BaselineNotFoundException;
import dev.fnbundle.configaudit.service.PreconditionFailedException;
import dev.fnbundle.configaudit.service.PreconditionRequiredException;
import java.util.Locale;

/** How the config auditor's exceptions become problem+json answers; none of them quotes config content. */
final class ConfigAuditProblems {
    static final ProblemMapper MAPPER = ProblemMapper.builder()
            .map(PayloadRejectedException.class, ConfigAuditProblems::rejected)
            .map(TooManyLinesException.class, e -> Problem.tooLarge(e.field() + " has " + e.actual()
                    + " lines, over the limit of " + e.limit(), e.limit())
                    .with("field", e.field()).with("reason", "too-many-lines").with("actualLines", e.actual()))
            .map(AuditTooLargeToStoreException.class, e -> Problem.tooLarge("the audit's report is larger"
                    + " than " + e.limitBytes() + " bytes even compressed; audit smaller configs", e.limitBytes())
                    .with("reason", "report-too-large"))
            .map(ConfigParseException.class, e -> Problem.of(422, "config-parse-error", "Config does not parse",
                    e.getMessage()).with("document", e.document()).with("format", e.format().label())
                    .with("line", e.line()).with("column", e.column()).with("error", e.detail()))
            .map(AuditTooComplexException.class, e -> Problem.of(422, "audit-too-complex", "Audit too complex",
                    "matching the lines needs more than " + e.maxWork() + " steps (many lines repeated many times);"
                            + " audit smaller parts, or keep autojunk on").with("maxWork", e.maxWork()))
            .map(AuditNotFoundException.class, e -> Problem.notFound("no audit " + e.id() + " (unknown or expired)"))
            .map(BaselineNotFoundException.class, e -> Problem.notFound("no baseline " + e.name()))
            .map(PreconditionFailedException.class, e -> Problem.of(412, "precondition-failed",
                    "Precondition failed", e.currentVersion() == null ? "the baseline does not exist"
                            : "the baseline is at version " + e.currentVersion() + " (ETag \"" + e.currentVersion()
                            + "\"); read it again and retry with If-Match: \"" + e.currentVersion() + "\"")
                    .with("currentVersion", e.currentVersion()))
            .map(PreconditionRequiredException.class, e -> Problem.of(428, "precondition-required",
                    "Precondition required", "the baseline exists at version " + e.currentVersion()
                            + "; replace it with If-Match: \"" + e.currentVersion() + "\"")
                    .with("currentVersion", e.currentVersion()))
            .build();

    private ConfigAuditProblems() {
    }

    private static Problem rejected(PayloadRejectedException e) {
        String reason = e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String detail = e.reason() == PayloadRejectedException.Reason.TOO_LARGE
                ? e.field() + " is " + e.actualBytes() + " bytes of UTF-8, over the limit of " + e.limitBytes()
                : e.field() + " is not text (control characters or invalid Unicode)";
        return Problem.tooLarge(detail, e.limitBytes()).with("field", e.field())
                .with("reason", reason).with("actualBytes", e.actualBytes());
    }
}
