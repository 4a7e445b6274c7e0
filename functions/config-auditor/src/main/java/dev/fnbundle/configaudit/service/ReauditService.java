package dev.fnbundle.configaudit.service;

import dev.fnbundle.common.retry.Retry;
import dev.fnbundle.configaudit.audit.AuditTooComplexException;
import dev.fnbundle.configaudit.audit.PayloadRejectedException;
import dev.fnbundle.configaudit.audit.TooManyLinesException;
import dev.fnbundle.configaudit.semantic.ConfigParseException;
import dev.fnbundle.fetch.BodyReader;
import dev.fnbundle.fetch.FetchOutcome;
import dev.fnbundle.fetch.FetchRequest;
import dev.fnbundle.fetch.PermanentFetchException;
import dev.fnbundle.fetch.SafeHttpFetcher;
import dev.fnbundle.fetch.TransientFetchException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled re-audit of one baseline: fetches its source URL over https through the shared safe fetcher (SSRF
 * guard on every hop, size cap, timeouts), retrying transient failures, audits the text against the latest approved
 * version and records the drift in the history and the outcome on the baseline.
 *
 * <p>Failures that a retry cannot fix (refused URL, 4xx, oversized or binary body, a config that does not parse)
 * are recorded on the baseline and end the re-audit normally; the next scheduled run tries again. Transient
 * failures that outlast the retries are recorded and rethrown, so the queue redelivers the request.
 */
public final class ReauditService {
    private static final Logger LOG = LoggerFactory.getLogger(ReauditService.class);

    private final AuditService audits;
    private final BaselineRepository baselines;
    private final SafeHttpFetcher fetcher;
    private final Retry retry;
    private final Clock clock;
    private final boolean httpsOnly;

    /**
     * @param httpsOnly refuse a source that ends on plain http (after redirects); false only on the local runtime,
     *                  whose test servers have no certificate
     */
    public ReauditService(AuditService audits, BaselineRepository baselines, SafeHttpFetcher fetcher, Retry retry,
                          Clock clock, boolean httpsOnly) {
        this.httpsOnly = httpsOnly;
        this.audits = Objects.requireNonNull(audits);
        this.baselines = Objects.requireNonNull(baselines);
        this.fetcher = Objects.requireNonNull(fetcher);
        this.retry = Objects.requireNonNull(retry);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What a re-audit did. */
    public enum Result {
        /** Audited and recorded. */
        AUDITED,
        /** The baseline is gone or has no source URL any more. */
        SKIPPED,
        /** A permanent failure, recorded on the baseline. */
        FAILED
    }

    /**
     * Re-audits baseline {@code name} from its source URL.
     *
     * @return the result, with the audit when one was stored
     * @throws TransientFetchException when the source stays unreachable through the retries
     */
    public Reaudit reaudit(String name) {
        var baseline = baselines.current(name).orElse(null);
        if (baseline == null || baseline.sourceUrl() == null) {
            LOG.info("reaudit skipped name={} (no baseline or no source URL)", name);
            return new Reaudit(Result.SKIPPED, null);
        }
        String text;
        try {
            text = retry.call(() -> fetch(baseline));
        } catch (TransientFetchException e) {
            record(name, ReauditStatus.failed(clock.instant(), "source unreachable: " + e.getMessage()));
            throw e;
        } catch (PermanentFetchException e) {
            return failed(name, "source refused or failed: " + e.getMessage());
        } catch (PayloadRejectedException e) {
            return failed(name, "source is not text in its declared charset");
        }
        try {
            StoredAudit audit = audits.againstVersion(baseline, text, null, null, AuditSource.SCHEDULE);
            record(name, ReauditStatus.ok(clock.instant(), audit));
            return new Reaudit(Result.AUDITED, audit);
        } catch (PayloadRejectedException | TooManyLinesException | ConfigParseException
                 | AuditTooComplexException | AuditTooLargeToStoreException e) {
            return failed(name, e.getMessage());
        }
    }

    /** A re-audit's result and the audit it stored, if any. */
    public record Reaudit(Result result, StoredAudit audit) {
    }

    private String fetch(BaselineVersion baseline) {
        BodyReader<String> reader = (response, body) -> {
            if (httpsOnly && !"https".equalsIgnoreCase(response.finalUrl().getScheme())) {
                throw new PermanentFetchException(PermanentFetchException.Reason.BAD_REDIRECT, response.finalUrl(),
                        response.status(), "the source was not served over https", null);
            }
            return decode(body.readAllBytes(), response.charset());
        };
        var outcome = fetcher.fetch(FetchRequest.of(baseline.sourceUrl()), reader);
        if (outcome instanceof FetchOutcome.Fetched<String> fetched) {
            return fetched.body();
        }
        throw new IllegalStateException("an unconditional GET cannot be answered 304");
    }

    /** Strict decoding: a body that is not valid text in its charset (UTF-8 by default) is refused, not mangled. */
    static String decode(byte[] bytes, Charset declared) {
        Charset charset = declared == null ? StandardCharsets.UTF_8 : declared;
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new PayloadRejectedException("current", PayloadRejectedException.Reason.NOT_TEXT, bytes.length,
                    bytes.length);
        }
    }

    private Reaudit failed(String name, String problem) {
        LOG.warn("reaudit failed name={} problem={}", name, problem);
        record(name, ReauditStatus.failed(clock.instant(), problem));
        return new Reaudit(Result.FAILED, null);
    }

    private void record(String name, ReauditStatus status) {
        baselines.recordReaudit(name, status);
    }
}
