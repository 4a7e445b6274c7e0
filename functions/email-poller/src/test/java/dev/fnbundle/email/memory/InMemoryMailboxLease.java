package dev.fnbundle.email.memory;

import dev.fnbundle.email.poll.MailboxLease;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link MailboxLease} in a concurrent map: a lease is taken when absent or expired. Thread-safe. */
public final class InMemoryMailboxLease implements MailboxLease {
    private record Holder(String owner, Instant expiresAt) {
    }

    private final ConcurrentMap<String, Holder> holders = new ConcurrentHashMap<>();

    @Override
    public boolean tryAcquire(String mailboxId, String owner, Instant now, Duration ttl) {
        Holder mine = new Holder(owner, now.plus(ttl));
        Holder result = holders.compute(mailboxId, (id, current) ->
                current == null || !current.expiresAt().isAfter(now) ? mine : current);
        return result == mine;
    }

    @Override
    public void release(String mailboxId, String owner) {
        holders.computeIfPresent(mailboxId, (id, current) -> current.owner().equals(owner) ? null : current);
    }
}
