package dev.fnbundle.configaudit.service;

import java.time.Instant;
import java.util.Optional;

/** Where audits and drift histories live. */
public interface AuditRepository {
    /**
     * Stores an audit until {@code expiresAt}; an audit against a baseline also enters that baseline's history,
     * atomically with the audit.
     *
     * @throws AuditTooLargeToStoreException when even compressed the audit exceeds the store's limit
     */
    void save(StoredAudit audit, Instant expiresAt);

    /** The audit, unless unknown or expired at {@code now}. */
    Optional<StoredAudit> find(String id, Instant now);

    /**
     * A page of a baseline's history, newest first.
     *
     * @param nextToken null for the first page
     * @throws dev.fnbundle.common.validation.InvalidFieldsException (400) for a token this history did not
     *                                                               issue
     */
    HistoryPage history(String baselineName, int limit, String nextToken, Instant now);
}
