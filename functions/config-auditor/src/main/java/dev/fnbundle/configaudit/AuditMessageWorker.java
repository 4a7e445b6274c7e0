package dev.fnbundle.configaudit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.crypto.Digests;
import dev.fnbundle.common.idempotency.IdempotencyKey;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.configaudit.api.AuditRequests;
import dev.fnbundle.configaudit.service.AuditService;
import dev.fnbundle.configaudit.service.AuditSource;
import dev.fnbundle.configaudit.service.IdempotentAudits;
import dev.fnbundle.configaudit.service.ReauditService;
import dev.fnbundle.configaudit.service.StoredAudit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one queue message; each carries a {@code requestId}, its idempotency key:
 * <ul>
 *   <li>{@code {"requestId", "name", "baseline", "current", ...}}: an ad-hoc audit, the body of
 *       {@code POST /audits} (a message with {@code name} is always this kind);</li>
 *   <li>{@code {"requestId", "baseline": "<stored baseline name>", "current", "context"?, "autojunk"?}}: an audit
 *       against a stored baseline, which enters its drift history;</li>
 *   <li>{@code {"requestId", "reaudit": "<name>"}}: a re-audit of a baseline from its source URL, as the schedule
 *       queues them.</li>
 * </ul>
 * A redelivered message (same requestId and body) stores no second audit. A message that cannot succeed (not
 * JSON, no requestId, invalid fields, unknown baseline, a config that does not parse in its stated format, a
 * requestId reused for another body) throws, so it is retried and then lands in the dead-letter queue.
 */
final class AuditMessageWorker {
    private static final Logger LOG = LoggerFactory.getLogger(AuditMessageWorker.class);
    private static final int MAX_REQUEST_ID = 256;

    private final AuditService audits;
    private final ReauditService reaudits;
    private final IdempotentAudits idempotent;

    AuditMessageWorker(AuditService audits, ReauditService reaudits, IdempotentAudits idempotent) {
        this.audits = audits;
        this.reaudits = reaudits;
        this.idempotent = idempotent;
    }

    static AuditMessageWorker from(ConfigAuditWiring wiring) {
        return new AuditMessageWorker(wiring.audits(), wiring.reaudits(wiring.fetcher()), wiring.idempotent());
    }

    void handle(String body) {
        JsonNode message = Json.parse(body);
        if (!message.isObject()) {
            throw new InvalidMessageException("a message is a JSON object");
        }
        String requestId = requestId(message);
        var outcome = idempotent.run(new IdempotencyKey("ConfigAuditQueue requestId", requestId),
                Digests.sha256Hex(body), () -> process(message));
        if (outcome.replayed()) {
            LOG.info("request already processed requestId={} auditId={}", requestId, outcome.auditId());
        }
    }

    private Optional<StoredAudit> process(JsonNode message) {
        if (message.has("reaudit")) {
            JsonNode name = message.get("reaudit");
            if (!name.isTextual()) {
                throw new InvalidMessageException("reaudit must name a baseline");
            }
            return Optional.ofNullable(reaudits.reaudit(name.textValue()).audit());
        }
        if (message.has("name")) {
            return Optional.of(audits.adHoc(AuditRequests.audit(message), AuditSource.QUEUE));
        }
        JsonNode baseline = message.get("baseline");
        if (baseline == null || !baseline.isTextual()) {
            throw new InvalidMessageException("give name, baseline and current for an ad-hoc audit, or baseline"
                    + " (a stored baseline's name) and current");
        }
        var current = AuditRequests.current(message);
        return Optional.of(audits.againstBaseline(baseline.textValue(), current.current(), current.context(),
                current.autojunk(), AuditSource.QUEUE));
    }

    private static String requestId(JsonNode message) {
        JsonNode id = message.get("requestId");
        if (id == null || !id.isTextual() || id.textValue().isBlank() || id.textValue().length() > MAX_REQUEST_ID
                || id.textValue().chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new InvalidMessageException("requestId must be 1-" + MAX_REQUEST_ID
                    + " visible characters without spaces");
        }
        return id.textValue();
    }

    /** A message no retry can make valid. */
    static final class InvalidMessageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidMessageException(String message) {
            super(message, null, false, false);
        }
    }
}
