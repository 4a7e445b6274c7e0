package dev.fnbundle.email.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A request to poll one mailbox, as queued on the poll task queue.
 *
 * @param mailboxId   never null
 * @param reason      {@code schedule}, {@code manual} or {@code continuation}; never null
 * @param requestedAt never null
 */
public record PollTask(String mailboxId, String reason, Instant requestedAt) {
    /** The reason of the tasks the schedule queues. */
    public static final String SCHEDULE = "schedule";
    /** The reason of POST /mailboxes/{id}/poll. */
    public static final String MANUAL = "manual";
    /** The reason of a follow-up poll when a poll left candidates for later. */
    public static final String CONTINUATION = "continuation";

    public PollTask {
        Objects.requireNonNull(mailboxId, "mailboxId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
