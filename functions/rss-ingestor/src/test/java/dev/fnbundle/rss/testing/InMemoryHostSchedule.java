package dev.fnbundle.rss.testing;

import dev.fnbundle.rss.ingest.HostSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Slots per host with the same rules as the table's: take the host when free, else queue up to a horizon. */
public final class InMemoryHostSchedule implements HostSchedule {
    private final Map<String, Instant> nextSlot = new HashMap<>();
    private final Duration interval;
    private final Duration horizon;

    public InMemoryHostSchedule(Duration interval, Duration horizon) {
        this.interval = interval;
        this.horizon = horizon;
    }

    @Override
    public synchronized Slot reserve(String host, Instant now) {
        Instant next = nextSlot.get(host);
        if (next == null || !next.isAfter(now)) {
            nextSlot.put(host, now.plus(interval));
            return new Now();
        }
        if (next.isAfter(now.plus(horizon))) {
            return new Busy();
        }
        nextSlot.put(host, next.plus(interval));
        return new Later(next);
    }
}
