package dev.fnbundle.email.poll;

/**
 * How far a mailbox folder has been processed: every matching message with a UID up to {@code lastUid} in the
 * folder incarnation {@code uidValidity} has been recorded, marked seen and archived.
 *
 * @param uidValidity the folder's UIDVALIDITY when the checkpoint was written
 * @param lastUid     the highest UID handled, 0 before the first message
 */
public record Checkpoint(long uidValidity, long lastUid) {
    public Checkpoint {
        if (lastUid < 0) {
            throw new IllegalArgumentException("lastUid must not be negative");
        }
    }

    /**
     * The checkpoint of a folder incarnation nothing of which has been processed.
     *
     * @param uidValidity the folder's UIDVALIDITY
     * @return never null
     */
    public static Checkpoint start(long uidValidity) {
        return new Checkpoint(uidValidity, 0);
    }
}
