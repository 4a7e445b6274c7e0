package dev.fnbundle.email.poll;

import java.util.Optional;

/** Per-mailbox checkpoints. Implementations must make {@link #advance} a conditional write. */
public interface CheckpointStore {

    /**
     * The stored checkpoint.
     *
     * @param mailboxId never null
     * @return the checkpoint, or empty before the first poll
     */
    Optional<Checkpoint> get(String mailboxId);

    /**
     * Stores {@code next} if there is no checkpoint, if the stored one belongs to another UIDVALIDITY, or if
     * {@code next.lastUid()} is higher; otherwise does nothing, so a late or replayed poll never moves a
     * checkpoint backwards.
     *
     * @param mailboxId never null
     * @param next      never null
     */
    void advance(String mailboxId, Checkpoint next);
}
