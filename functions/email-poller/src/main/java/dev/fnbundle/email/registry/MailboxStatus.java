package dev.fnbundle.email.registry;

import java.time.Instant;

/**
 * What the last polls of a mailbox said: the status a user checks when invoices do not arrive.
 *
 * @param state               {@code NEVER_POLLED}, a {@link dev.fnbundle.email.poll.PollStatus} name, or
 *                            {@code ERROR} when the poll failed for a reason of our own (it is retried)
 * @param error               the last poll's failure, without credentials; null when it succeeded
 * @param lastPollAt          when the last poll ended, or null
 * @param lastSuccessAt       when a poll last succeeded, or null
 * @param consecutiveFailures failed polls since the last success
 * @param lastPoll            the counters of the last poll, or null before the first one
 */
public record MailboxStatus(String state, String error, Instant lastPollAt, Instant lastSuccessAt,
                            int consecutiveFailures, PollSummary lastPoll) {
    /** The state of a mailbox no poll has reported on yet. */
    public static final String NEVER_POLLED = "NEVER_POLLED";
    /** The state after a poll that failed for a reason that is not the mailbox's (store, queue): retried. */
    public static final String ERROR = "ERROR";

    /** @return the status of a new mailbox; never null */
    public static MailboxStatus never() {
        return new MailboxStatus(NEVER_POLLED, null, null, null, 0, null);
    }
}
