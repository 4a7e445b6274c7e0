package dev.fnbundle.email.poll;

import dev.fnbundle.email.mime.ParserLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How one poll behaves.
 *
 * @param leaseTtl           how long a poll holds the mailbox; must exceed the function timeout
 * @param leaseMargin        no new batch starts later than {@code leaseTtl - leaseMargin} after the poll began
 * @param maxReconnects      reconnects after a dropped connection before the poll gives up
 * @param batchSize          messages per FETCH
 * @param batchBytes         bytes per FETCH (a larger single message is fetched alone)
 * @param maxMessagesPerPoll candidates handled per poll; the rest waits for the next poll
 * @param parserLimits       message size cap and MIME limits
 */
public record PollSettings(Duration leaseTtl, Duration leaseMargin, int maxReconnects, int batchSize,
                           long batchBytes, int maxMessagesPerPoll, ParserLimits parserLimits) {
    public PollSettings {
        Objects.requireNonNull(leaseTtl, "leaseTtl");
        Objects.requireNonNull(leaseMargin, "leaseMargin");
        Objects.requireNonNull(parserLimits, "parserLimits");
        if (leaseMargin.compareTo(leaseTtl) >= 0 || maxReconnects < 0 || batchSize < 1 || batchBytes < 1
                || maxMessagesPerPoll < 1) {
            throw new IllegalArgumentException("invalid poll settings");
        }
    }

    /**
     * Lease 15 minutes (the longest Lambda timeout) with a 2 minute margin, one reconnect, 100 messages or
     * 16 MiB per fetch, 2 000 messages per poll, {@link ParserLimits#defaults()}.
     *
     * @return never null
     */
    public static PollSettings defaults() {
        return new PollSettings(Duration.ofMinutes(15), Duration.ofMinutes(2), 1, 100, 16L * 1024 * 1024, 2000,
                ParserLimits.defaults());
    }

    /**
     * A copy with other batch bounds.
     *
     * @param size  messages per fetch
     * @param bytes bytes per fetch
     * @return never null
     */
    public PollSettings withBatch(int size, long bytes) {
        return new PollSettings(leaseTtl, leaseMargin, maxReconnects, size, bytes, maxMessagesPerPoll,
                parserLimits);
    }

    /**
     * A copy with another reconnect budget.
     *
     * @param reconnects reconnects allowed per poll
     * @return never null
     */
    public PollSettings withMaxReconnects(int reconnects) {
        return new PollSettings(leaseTtl, leaseMargin, reconnects, batchSize, batchBytes, maxMessagesPerPoll,
                parserLimits);
    }
}
