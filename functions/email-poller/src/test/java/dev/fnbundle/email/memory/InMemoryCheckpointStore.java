package dev.fnbundle.email.memory;

import dev.fnbundle.email.poll.Checkpoint;
import dev.fnbundle.email.poll.CheckpointStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link CheckpointStore} in a concurrent map with the conditional advance of the contract. Thread-safe. */
public final class InMemoryCheckpointStore implements CheckpointStore {
    private final ConcurrentMap<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

    @Override
    public Optional<Checkpoint> get(String mailboxId) {
        return Optional.ofNullable(checkpoints.get(mailboxId));
    }

    @Override
    public void advance(String mailboxId, Checkpoint next) {
        checkpoints.merge(mailboxId, next, (current, proposed) ->
                current.uidValidity() != proposed.uidValidity() || proposed.lastUid() > current.lastUid()
                        ? proposed : current);
    }
}
