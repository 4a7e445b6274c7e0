package dev.fnbundle.email.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.email.poll.Checkpoint;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryAdaptersTest {
    private static final Instant NOW = Instant.parse("2026-05-13T10:00:00Z");

    @Test
    void a_lease_is_exclusive_until_released_or_expired() {
        InMemoryMailboxLease lease = new InMemoryMailboxLease();

        assertThat(lease.tryAcquire("mb", "poll-1", NOW, Duration.ofMinutes(5))).isTrue();
        assertThat(lease.tryAcquire("mb", "poll-2", NOW.plusSeconds(60), Duration.ofMinutes(5))).isFalse();
        assertThat(lease.tryAcquire("other", "poll-2", NOW, Duration.ofMinutes(5))).isTrue();

        // a crashed poll never releases: its lease expires
        assertThat(lease.tryAcquire("mb", "poll-3", NOW.plusSeconds(300), Duration.ofMinutes(5))).isTrue();

        // releasing someone else's lease does nothing
        lease.release("mb", "poll-1");
        assertThat(lease.tryAcquire("mb", "poll-4", NOW.plusSeconds(301), Duration.ofMinutes(5))).isFalse();
        lease.release("mb", "poll-3");
        assertThat(lease.tryAcquire("mb", "poll-4", NOW.plusSeconds(301), Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void a_checkpoint_never_moves_backwards_but_resets_with_a_new_uidvalidity() {
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();

        store.advance("mb", new Checkpoint(7, 10));
        store.advance("mb", new Checkpoint(7, 5));
        assertThat(store.get("mb")).contains(new Checkpoint(7, 10));

        store.advance("mb", new Checkpoint(8, 2));
        assertThat(store.get("mb")).contains(new Checkpoint(8, 2));
        assertThat(store.get("none")).isEmpty();
    }
}
