package dev.fnbundle.rss.ingest;

import java.time.Instant;

/**
 * Per-host politeness: fetches of one host are spaced by a minimum interval across every concurrent fetcher.
 * Each caller reserves the host's next free slot; the slots are handed out in order, so many feeds of one host
 * queue up instead of all retrying at once. Implementations are thread-safe and atomic across processes.
 */
public interface HostSchedule {
    /** Reserves the next slot of {@code host}. */
    Slot reserve(String host, Instant now);

    /** A reservation. */
    sealed interface Slot permits Now, Later, Busy {
    }

    /** The host is free: fetch now. */
    record Now() implements Slot {
    }

    /** Fetch at {@code at}, a slot now held by the caller. */
    record Later(Instant at) implements Slot {
    }

    /** The host's slots are taken further ahead than the schedule's horizon: skip this run. */
    record Busy() implements Slot {
    }
}
