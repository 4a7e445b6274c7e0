package dev.fnbundle.configaudit.service;

import java.util.List;
import java.util.Optional;

/** Where approved baselines live: every version is kept; a head names the latest. */
public interface BaselineRepository {
    /** The latest version's description, read consistently. */
    Optional<BaselineHead> head(String name);

    /** The latest version with its content. */
    Optional<BaselineVersion> current(String name);

    /**
     * Stores version 1 of a new baseline.
     *
     * @throws BaselineConflictException when the baseline already exists
     */
    BaselineHead create(BaselineDraft draft);

    /**
     * Stores the next version, provided the latest is still {@code expectedVersion}.
     *
     * @throws BaselineConflictException when it is not (or the baseline does not exist)
     */
    BaselineHead update(BaselineDraft draft, long expectedVersion);

    /** Records the outcome of a re-audit on the head; ignored when the baseline does not exist. */
    void recordReaudit(String name, ReauditStatus status);

    /**
     * Names of the baselines that have a source URL, in name order, after {@code afterName} (null: from the
     * start). The index is eventually consistent: a baseline given a URL a moment ago may be missing.
     */
    List<String> sourced(String afterName, int limit);
}
