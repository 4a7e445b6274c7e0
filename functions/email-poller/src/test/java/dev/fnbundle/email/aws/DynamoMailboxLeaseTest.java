package dev.fnbundle.email.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.embedded.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DynamoMailboxLeaseTest {
    private static DynamoMailboxLease lease;
    private final String mailbox = "mb-" + UUID.randomUUID();
    /*
     * The real time, not a fixed date: the table has the template's TTL, and DynamoDB Local deletes a lease about a
     * second after its ttl (its expiry + one day) lies before the wall clock, which frees it in the middle of a test
     * once that date is past.
     */
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Duration ttl = Duration.ofMinutes(4);

    @BeforeAll
    static void table() {
        var aws = LocalAws.shared();
        lease = new DynamoMailboxLease(aws.dynamoDb(), aws.provisionTable("EmailTable"));
    }

    @Test
    void a_held_lease_refuses_others_until_its_owner_releases_it() {
        assertThat(lease.tryAcquire(mailbox, "poll-a", now, ttl)).isTrue();
        assertThat(lease.tryAcquire(mailbox, "poll-b", now.plusSeconds(60), ttl)).isFalse();

        lease.release(mailbox, "poll-b");
        assertThat(lease.tryAcquire(mailbox, "poll-b", now.plusSeconds(61), ttl)).isFalse();

        lease.release(mailbox, "poll-a");
        assertThat(lease.tryAcquire(mailbox, "poll-b", now.plusSeconds(62), ttl)).isTrue();
    }

    @Test
    void an_expired_lease_of_a_crashed_poll_is_taken_over_and_its_late_release_does_nothing() {
        assertThat(lease.tryAcquire(mailbox, "crashed", now, ttl)).isTrue();

        assertThat(lease.tryAcquire(mailbox, "next", now.plus(ttl), ttl)).isTrue();
        lease.release(mailbox, "crashed");

        assertThat(lease.tryAcquire(mailbox, "third", now.plus(ttl).plusSeconds(1), ttl)).isFalse();
    }

    @Test
    void of_many_polls_asking_at_once_exactly_one_gets_the_lease() throws Exception {
        int polls = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(polls);
        try {
            var futures = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < polls; i++) {
                String owner = "poll-" + i;
                Callable<Boolean> acquire = () -> {
                    start.await();
                    return lease.tryAcquire(mailbox, owner, now, ttl);
                };
                futures.add(pool.submit(acquire));
            }
            start.countDown();
            int winners = 0;
            for (var future : futures) {
                winners += future.get() ? 1 : 0;
            }

            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
