package dev.fnbundle.rss.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.rss.ingest.HostSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-host politeness slots with conditional updates on DynamoDB Local. */
class DynamoHostScheduleTest {
    /*
     * The real time, not a fixed date: the table has the template's TTL, and DynamoDB Local deletes an item about a
     * second after its ttl (here NOW + horizon + one day) lies before the wall clock, which would free the host's
     * slots in the middle of a test once that date is past.
     */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static DynamoHostSchedule schedule;
    private final String host = UUID.randomUUID() + ".example.com";

    @BeforeAll
    static void provision() {
        var aws = LocalAws.shared();
        schedule = new DynamoHostSchedule(aws.dynamoDb(), aws.provisionTable("FeedsTable"), Duration.ofSeconds(2),
                Duration.ofSeconds(7));
    }

    @Test
    void slots_are_handed_out_in_order_up_to_the_horizon_and_free_again_once_passed() {
        var slots = new ArrayList<HostSchedule.Slot>();
        for (int i = 0; i < 6; i++) {
            slots.add(schedule.reserve(host, NOW));
        }

        assertThat(slots).containsExactly(new HostSchedule.Now(), new HostSchedule.Later(NOW.plusSeconds(2)),
                new HostSchedule.Later(NOW.plusSeconds(4)), new HostSchedule.Later(NOW.plusSeconds(6)),
                new HostSchedule.Busy(), new HostSchedule.Busy());
        assertThat(schedule.reserve(host, NOW.plusSeconds(8))).isEqualTo(new HostSchedule.Now());
        assertThat(schedule.reserve("other-" + host, NOW)).isEqualTo(new HostSchedule.Now());
    }

    @Test
    void concurrent_reservations_never_share_a_slot() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var futures = new ArrayList<CompletableFuture<HostSchedule.Slot>>();
            for (int i = 0; i < 4; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> schedule.reserve(host, NOW), pool));
            }
            List<HostSchedule.Slot> slots = futures.stream().map(CompletableFuture::join).toList();

            assertThat(slots).containsExactlyInAnyOrder(new HostSchedule.Now(),
                    new HostSchedule.Later(NOW.plusSeconds(2)), new HostSchedule.Later(NOW.plusSeconds(4)),
                    new HostSchedule.Later(NOW.plusSeconds(6)));
        } finally {
            pool.shutdownNow();
        }
    }
}
