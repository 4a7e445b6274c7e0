package dev.fnbundle.email.poll;

import java.time.Duration;
import java.time.Instant;

/**
 * A per-mailbox lock with an expiry, so two polls never work on one mailbox at the same time, and a crashed poll
 * that never releases its lease blocks the mailbox only until the lease expires (a conditional write in
 * DynamoDB).
 */
public interface MailboxLease {

    /**
     * Takes the lease if it is free or expired.
     *
     * @param mailboxId never null
     * @param owner     a unique id of this poll; never null
     * @param now       the current time
     * @param ttl       how long the lease lasts unless released
     * @return true when this owner now holds the lease
     */
    boolean tryAcquire(String mailboxId, String owner, Instant now, Duration ttl);

    /**
     * Releases the lease if {@code owner} holds it; otherwise does nothing.
     *
     * @param mailboxId never null
     * @param owner     never null
     */
    void release(String mailboxId, String owner);
}
