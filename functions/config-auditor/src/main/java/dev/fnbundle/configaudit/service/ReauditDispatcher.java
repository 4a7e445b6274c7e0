package dev.fnbundle.configaudit.service;

import java.util.List;

/** Queues re-audit requests, one message per baseline. */
public interface ReauditDispatcher {
    /**
     * Queues the requests (at most a few hundred per call).
     *
     * @throws RuntimeException when any could not be queued; the whole call may then be retried safely,
     *                          since each request carries its idempotency key
     */
    void dispatch(List<ReauditRequest> requests);

    /**
     * One re-audit message.
     *
     * @param baseline  the baseline name
     * @param requestId the idempotency key: {@code reaudit#<name>#<schedule run>}
     */
    record ReauditRequest(String baseline, String requestId) {
    }
}
