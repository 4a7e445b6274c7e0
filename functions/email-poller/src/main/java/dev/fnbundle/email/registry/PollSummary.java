package dev.fnbundle.email.registry;

import dev.fnbundle.email.poll.PollResult;

/**
 * The counters of one poll, as the mailbox status shows them.
 *
 * @param invoices      new invoice records
 * @param duplicates    copies of messages already recorded
 * @param unparseable   malformed messages recorded and archived
 * @param skipped       messages over the size cap, recorded and left in the folder
 * @param replayed      messages an interrupted poll had recorded, finished now
 * @param archived      messages moved to the archive folder
 * @param moreRemaining whether candidates were left for the next poll
 * @param uidValidity   the folder's UIDVALIDITY
 * @param lastUid       the checkpoint after the poll
 */
public record PollSummary(int invoices, int duplicates, int unparseable, int skipped, int replayed, int archived,
                          boolean moreRemaining, long uidValidity, long lastUid) {

    /**
     * @param result never null
     * @return the counters of {@code result}; never null
     */
    public static PollSummary of(PollResult result) {
        return new PollSummary(result.invoices(), result.duplicates(), result.unparseable(), result.skipped(),
                result.replayed(), result.archived(), result.moreRemaining(), result.uidValidity(),
                result.lastUid());
    }
}
