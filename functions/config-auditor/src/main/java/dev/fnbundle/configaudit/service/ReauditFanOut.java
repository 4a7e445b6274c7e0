package dev.fnbundle.configaudit.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled rule's work: one re-audit message per baseline with a source URL, so that each fetch and audit
 * runs (and fails, and is retried) on its own in the queue consumer instead of inside one long loop. Each message
 * carries {@code reaudit#<name>#<run id>} as its idempotency key, so a rule delivered twice audits once.
 */
public final class ReauditFanOut {
    private static final Logger LOG = LoggerFactory.getLogger(ReauditFanOut.class);
    static final int PAGE = 100;

    private final BaselineRepository baselines;
    private final ReauditDispatcher dispatcher;

    public ReauditFanOut(BaselineRepository baselines, ReauditDispatcher dispatcher) {
        this.baselines = Objects.requireNonNull(baselines);
        this.dispatcher = Objects.requireNonNull(dispatcher);
    }

    /**
     * Queues a re-audit of every sourced baseline.
     *
     * @param runId identifies this run of the schedule (the EventBridge event id, the same on a redelivery)
     * @return how many re-audits were queued
     */
    public int fanOut(String runId) {
        int queued = 0;
        String after = null;
        while (true) {
            List<String> names = baselines.sourced(after, PAGE);
            if (names.isEmpty()) {
                break;
            }
            var requests = new ArrayList<ReauditDispatcher.ReauditRequest>(names.size());
            names.forEach(n -> requests.add(new ReauditDispatcher.ReauditRequest(n, "reaudit#" + n + "#" + runId)));
            dispatcher.dispatch(requests);
            queued += names.size();
            after = names.get(names.size() - 1);
        }
        LOG.info("reaudits queued count={} run={}", queued, runId);
        return queued;
    }
}
