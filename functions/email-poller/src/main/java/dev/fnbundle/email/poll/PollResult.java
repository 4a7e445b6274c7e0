package dev.fnbundle.email.poll;

/**
 * What one poll did, for the mailbox status and the task outcome ({@link PollStatus#isFailure()} means: fail the
 * task so it is retried with backoff and finally dead-lettered).
 *
 * @param mailboxId       the mailbox
 * @param status          the outcome; never null
 * @param invoices        new invoice records written (and published)
 * @param duplicates      messages recorded as copies of an earlier message (same Message-ID)
 * @param unparseable     messages recorded as unparseable (and archived)
 * @param skipped         messages over the size cap, recorded and left in the folder
 * @param replayed        messages already recorded by an earlier, interrupted poll; finished now
 * @param archived        messages moved to the archive folder
 * @param uidValidity     the folder's UIDVALIDITY, 0 when the folder was never selected
 * @param lastUid         the checkpoint after the poll
 * @param validityChanged whether UIDVALIDITY differed from the checkpoint, so the folder was scanned anew
 * @param reconnects      reconnects after dropped connections
 * @param moreRemaining   whether candidates were left for the next poll (per-poll bound or lease deadline)
 * @param error           the failure, without credentials; null when the status is not a failure
 */
public record PollResult(String mailboxId, PollStatus status, int invoices, int duplicates, int unparseable,
                         int skipped, int replayed, int archived, long uidValidity, long lastUid,
                         boolean validityChanged, int reconnects, boolean moreRemaining, String error) {

    /**
     * The result of a poll that found the lease taken.
     *
     * @param mailboxId the mailbox
     * @return never null
     */
    public static PollResult busy(String mailboxId) {
        return new PollResult(mailboxId, PollStatus.BUSY, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, false, null);
    }
}
