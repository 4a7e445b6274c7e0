package dev.fnbundle.configaudit.service;

import dev.fnbundle.configaudit.audit.DriftAuditor;
import dev.fnbundle.configaudit.semantic.ConfigFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approved baselines, versioned with optimistic locking: creating needs no precondition (or
 * {@code If-None-Match: *}); replacing needs {@code If-Match} with the current version, so concurrent approvers
 * cannot overwrite each other unnoticed. Every version is kept; audits name the version they compared against.
 */
public final class BaselineService {
    private static final Logger LOG = LoggerFactory.getLogger(BaselineService.class);

    private final DriftAuditor auditor;
    private final BaselineRepository baselines;
    private final SourceUrlPolicy sourceUrls;
    private final Clock clock;

    public BaselineService(DriftAuditor auditor, BaselineRepository baselines, SourceUrlPolicy sourceUrls,
                           Clock clock) {
        this.auditor = Objects.requireNonNull(auditor);
        this.baselines = Objects.requireNonNull(baselines);
        this.sourceUrls = Objects.requireNonNull(sourceUrls);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A stored baseline version and whether it created the baseline. */
    public record PutResult(BaselineHead head, boolean created) {
    }

    /**
     * Stores a new version after checking the content as an audit would: it must parse in a stated format; in a
     * guessed one it need not (audits against it then stay line-level where it does not parse, with a warning).
     *
     * @param approvedBy the JWT subject, or null
     * @throws PreconditionRequiredException (428) when the baseline exists and no precondition was given
     * @throws PreconditionFailedException   (412) when the precondition does not hold
     * @throws dev.fnbundle.common.validation.InvalidFieldsException (400) for a source URL the re-audit would
     *                                                               refuse
     * @throws RuntimeException              the auditor's 400/413/422 exceptions for the content
     */
    public PutResult put(String name, BaselineInput input, Precondition precondition, String approvedBy) {
        ConfigFormat format = auditor.checkBaseline(name, input.content(), input.format(), input.criticalKeys());
        URI source = input.sourceUrl() == null ? null : sourceUrls.check(input.sourceUrl());
        var draft = new BaselineDraft(name, input.content(), format,
                input.criticalKeys() == null ? List.of() : input.criticalKeys(), source, clock.instant(), approvedBy,
                input.content().getBytes(StandardCharsets.UTF_8).length, DriftAuditor.lineCount(input.content()),
                input.format() == null);
        PutResult result = switch (precondition) {
            case Precondition.None none -> create(draft, PreconditionRequiredException::new);
            case Precondition.CreateOnly createOnly -> create(draft, PreconditionFailedException::new);
            case Precondition.IfMatch ifMatch -> update(draft, ifMatch);
        };
        LOG.info("baseline stored name={} version={} format={} sourced={}", name, result.head().version(),
                format.label(), source != null);
        return result;
    }

    /**
     * The latest version's description.
     *
     * @throws BaselineNotFoundException when there is no such baseline
     */
    public BaselineHead get(String name) {
        if (!DriftAuditor.isValidName(name)) {
            throw new BaselineNotFoundException(name);
        }
        return baselines.head(name).orElseThrow(() -> new BaselineNotFoundException(name));
    }

    private PutResult create(BaselineDraft draft, Function<Long, RuntimeException> whenExists) {
        try {
            return new PutResult(baselines.create(draft), true);
        } catch (BaselineConflictException e) {
            throw whenExists.apply(e.currentVersion());
        }
    }

    private PutResult update(BaselineDraft draft, Precondition.IfMatch ifMatch) {
        BaselineHead head = baselines.head(draft.name()).orElseThrow(() -> new PreconditionFailedException(null));
        if (!ifMatch.any() && !ifMatch.versions().contains(head.version())) {
            throw new PreconditionFailedException(head.version());
        }
        try {
            // Conditional on the version just matched: a concurrent approval in between makes this one fail.
            return new PutResult(baselines.update(draft, head.version()), false);
        } catch (BaselineConflictException e) {
            throw new PreconditionFailedException(e.currentVersion());
        }
    }
}
